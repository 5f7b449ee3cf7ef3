// The reserve-item Lambda function: holds stock for one item (one SKU) in the warehouse.
export default async function (event, context) {
  if (typeof event.sku !== 'string') {
    throw context.error('Warehouse.InvalidRequest', 'reserve-item reserves one item: it needs a sku and a quantity');
  }
  await context.sleep(400);
  return {
    sku: event.sku,
    quantity: event.quantity,
    reservationId: `res-${event.sku}-${event.quantity}`,
    warehouse: 'DUB-1',
  };
}
