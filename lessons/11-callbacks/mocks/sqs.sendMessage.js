// The refund-approvals SQS queue, and the managers' approval app that reads it.
//
// A plain sendMessage returns at once with SQS's answer, the message id. With
// .waitForTaskToken the task waits: the app reads the message, and a manager decides about two
// hours later, approving refunds up to 1,000. The app answers with SendTaskSuccess, using the
// token it finds in the message (what is returned here is that call's output).
export default async function (event, context) {
  const body = typeof event.MessageBody === 'string' ? JSON.parse(event.MessageBody) : event.MessageBody;
  if (!context.resource.endsWith('.waitForTaskToken')) {
    return { MessageId: `5fea7756-0ea4-451a-a703-${body.refundId}`, MD5OfMessageBody: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' };
  }
  if (!body || body.TaskToken !== context.taskToken) {
    // On AWS no one could answer: the task would wait until its TimeoutSeconds ran out.
    throw context.error(
      'Approval.NoTaskToken',
      'The approval app found no task token in the message (it looks for MessageBody.TaskToken), so it cannot answer; on AWS the task would wait until it timed out',
    );
  }
  await context.sleep(2 * 60 * 60 * 1000);
  if (body.amount <= 1000) {
    return { approved: true, approver: 'Dana Whitfield' };
  }
  return { approved: false, approver: 'Dana Whitfield', note: 'Over 1,000: this needs the finance team' };
}
