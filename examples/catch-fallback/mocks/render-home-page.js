// The render-home-page Lambda function: says whether the page is personal or the fallback.
export default async function (event, context) {
  await context.sleep(60);
  return {
    greeting: `Welcome back, ${event.firstName}!`,
    items: event.recommendations,
    personalised: !event.recommendationError,
  };
}
