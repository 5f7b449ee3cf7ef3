// Marks the order as cancelled.
export default async function (event, context) {
  await context.sleep(80);
  return { ...event, status: 'CANCELLED' };
}
