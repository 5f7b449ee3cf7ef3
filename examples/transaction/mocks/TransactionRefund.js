// The TransactionRefund Lambda function: returns the amount to the customer.
export default async function (event, context) {
  return {
    TransactionType: event.TransactionType,
    Amount: event.Amount,
    Currency: event.Currency,
    Message: 'Refund processed successfully',
    ProcessedBy: context.stateName,
  };
}
