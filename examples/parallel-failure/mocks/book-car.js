// The book-car Lambda function: there are no cars left in Lisbon. It fails quickly, while the
// flight and hotel bookings are still running.
export default async function (event, context) {
  await context.sleep(300);
  if (event.city === 'Lisbon') {
    throw context.error('CarRental.NoCarsAvailable', `No cars left in ${event.city} from ${event.from}`);
  }
  return { car: 'Fiat 500', city: event.city, pickup: event.from };
}
