// Marks the order as shipped.
export default async function (event, context) {
  await context.sleep(80);
  return { ...event, status: 'SHIPPED' };
}
