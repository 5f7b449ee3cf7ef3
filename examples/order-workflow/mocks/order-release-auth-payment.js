// Releases a payment authorization that will not be captured.
export default async function (event, context) {
  await context.sleep(150);
  return { released: true, authorizationId: event.authorizationId };
}
