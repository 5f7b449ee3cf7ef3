// The TransactionRefund Lambda function, as in the JSONPath example: returns the amount to the
// customer. lambda:invoke wraps what it returns in Payload.
export default async function (event, context) {
  return {
    TransactionType: event.TransactionType,
    Amount: event.Amount,
    Currency: event.Currency,
    Message: 'Refund processed successfully',
    ProcessedBy: context.stateName,
  };
}
