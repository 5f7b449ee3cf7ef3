// Amazon SNS Publish: accepts the message and returns its id.
export default async function (event, context) {
  await context.sleep(40);
  return { MessageId: 'msg-7781' };
}
