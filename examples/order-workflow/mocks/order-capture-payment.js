// Captures the authorized amount.
export default async function (event, context) {
  await context.sleep(250);
  return { captureId: 'cap-9083', authorizationId: event.authorizationId, amount: event.amount };
}
