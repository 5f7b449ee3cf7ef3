// The send-reminder Lambda function: emails the customer a link back to their basket. It
// reports when it ran: the time this state was entered, from the context object.
export default async function (event, context) {
  return {
    sentTo: event.email,
    basketId: event.basketId,
    sentAt: context.execution.State.EnteredTime,
  };
}
