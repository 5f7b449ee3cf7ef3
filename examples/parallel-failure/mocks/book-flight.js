// The book-flight Lambda function: the slowest of the three bookings.
export default async function (event, context) {
  await context.sleep(900);
  return { flight: 'TP 1353', city: event.city, date: event.from };
}
