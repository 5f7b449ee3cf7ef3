// The send-quote Lambda function: emails the customer their quote.
export default async function (event, context) {
  if (typeof event.to !== 'string' || !event.to.includes('@')) {
    throw context.error('Email.InvalidAddress', `Cannot send a quote to ${JSON.stringify(event.to)}`);
  }
  await context.sleep(100);
  return { sentTo: event.to, total: event.total, messageId: 'msg-3320' };
}
