// The print-label Lambda function: the label service prints exactly four fields and refuses
// requests with anything missing or anything more (it must not receive card numbers).
export default async function (event, context) {
  const wanted = ['name', 'street', 'city', 'postcode'];
  const given = event !== null && typeof event === 'object' ? Object.keys(event) : [];
  const missing = wanted.filter((k) => typeof event?.[k] !== 'string');
  const extra = given.filter((k) => !wanted.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing: ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`not wanted: ${extra.join(', ')}`);
    throw context.error(
      'Label.InvalidRequest',
      `The label service takes exactly {name, street, city, postcode} (${parts.join('; ')})`,
    );
  }
  await context.sleep(200);
  return {
    labelId: `lbl-${event.postcode.replace(/\s+/g, '')}`,
    lines: [event.name, event.street, `${event.postcode} ${event.city}`],
  };
}
