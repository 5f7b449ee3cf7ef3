// The total-invoice Lambda function: adds up the priced lines.
export default async function (event, context) {
  const total = event.lines.reduce((sum, line) => sum + line.total, 0);
  return {
    invoiceId: event.invoiceId,
    lineCount: event.lines.length,
    total: Math.round(total * 100) / 100,
    currency: event.currency,
  };
}
