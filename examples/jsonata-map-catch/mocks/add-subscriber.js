// The add-subscriber Lambda function: adds one person to a mailing list. An address whose
// domain has no dot is refused with Subscriber.InvalidEmail.
export default async function (event, context) {
  await context.sleep(120 + 80 * event.position);
  const email = event.signup.email;
  const domain = email.split('@')[1] ?? '';
  if (!domain.includes('.')) {
    throw context.error('Subscriber.InvalidEmail', `'${email}' has no valid domain`);
  }
  return {
    position: event.position,
    email,
    added: true,
    subscriberId: `sub-${email.split('@')[0]}`,
  };
}
