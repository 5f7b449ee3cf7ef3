// The price-basket Lambda function: adds up the basket and gives gold customers 10% off.
export default async function (event, context) {
  await context.sleep(200);
  const subtotal = event.basket.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const discount = event.tier === 'gold' ? Math.round(subtotal * 10) / 100 : 0;
  return { subtotal, discount, total: Math.round((subtotal - discount) * 100) / 100 };
}
