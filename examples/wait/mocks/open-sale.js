// The open-sale Lambda function: opens the sale and says when, in the execution's (virtual) time.
export default async function (event, context) {
  return { sale: event.sale, open: true, openedAt: context.execution.State.EnteredTime };
}
