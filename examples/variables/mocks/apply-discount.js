// The apply-discount Lambda function: takes the discount off the basket total.
export default async function (event, context) {
  await context.sleep(100);
  const discount = Math.round(event.basketTotal * event.discountPercent) / 100;
  const toPay = event.basketTotal - discount;
  return {
    customerId: event.customerId,
    discount,
    toPay,
    receipt: `Pay ${toPay} EUR (${event.discountPercent}% off: ${event.reason})`,
  };
}
