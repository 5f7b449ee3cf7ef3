// The book-hotel Lambda function.
export default async function (event, context) {
  await context.sleep(600);
  return { hotel: 'Casa do Rio', city: event.city, nights: 3 };
}
