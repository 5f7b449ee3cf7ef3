// The TransactionPurchase Lambda function, as in the JSONPath example: charges the amount and
// confirms the purchase. lambda:invoke wraps what it returns in Payload.
export default async function (event, context) {
  return {
    TransactionType: event.TransactionType,
    Amount: event.Amount,
    Currency: event.Currency,
    Message: 'Purchase processed successfully',
    ProcessedBy: context.stateName,
  };
}
