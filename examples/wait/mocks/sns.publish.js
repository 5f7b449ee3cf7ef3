// Amazon SNS Publish: accepts the message and returns its id.
export default async function (event, context) {
  await context.sleep(40);
  return { MessageId: context.stateName === 'Send Confirmation' ? 'msg-0001' : 'msg-0002' };
}
