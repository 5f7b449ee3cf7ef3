//! The examples the playground ships: definition, inputs, mocks and an explanation each, read
//! from the `examples/` folder the `asl` command and the tests use too.

pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub about: &'static str,
    pub definition: &'static str,
    /// Named inputs; the first is the default.
    pub inputs: &'static [(&'static str, &'static str)],
    /// Mocks by name (Lambda function, activity, or `service:action`).
    pub mocks: &'static [(&'static str, &'static str)],
}

macro_rules! file {
    ($example:literal, $path:literal) => {
        include_str!(concat!("../examples/", $example, "/", $path))
    };
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "transaction",
        title: "Transaction router",
        about: file!("transaction", "about.md"),
        definition: file!("transaction", "definition.asl.json"),
        inputs: &[
            ("purchase", file!("transaction", "inputs/purchase.json")),
            ("refund", file!("transaction", "inputs/refund.json")),
        ],
        mocks: &[
            ("TransactionPurchase", file!("transaction", "mocks/TransactionPurchase.js")),
            ("TransactionRefund", file!("transaction", "mocks/TransactionRefund.js")),
        ],
    },
    Example {
        id: "order-workflow",
        title: "Order processing with compensation",
        about: file!("order-workflow", "about.md"),
        definition: file!("order-workflow", "definition.asl.json"),
        inputs: &[
            ("happy-path", file!("order-workflow", "inputs/happy-path.json")),
            ("payment-declined", file!("order-workflow", "inputs/payment-declined.json")),
        ],
        mocks: &[
            ("create-order-in-pending", file!("order-workflow", "mocks/create-order-in-pending.js")),
            ("order-auth-payment", file!("order-workflow", "mocks/order-auth-payment.js")),
            ("order-reserve-item", file!("order-workflow", "mocks/order-reserve-item.js")),
            ("order-capture-payment", file!("order-workflow", "mocks/order-capture-payment.js")),
            ("order-ship-order", file!("order-workflow", "mocks/order-ship-order.js")),
            ("mark-order-shipped", file!("order-workflow", "mocks/mark-order-shipped.js")),
            ("order-refund-payment", file!("order-workflow", "mocks/order-refund-payment.js")),
            ("order-release-item", file!("order-workflow", "mocks/order-release-item.js")),
            ("order-release-auth-payment", file!("order-workflow", "mocks/order-release-auth-payment.js")),
            ("order-cancel-order", file!("order-workflow", "mocks/order-cancel-order.js")),
        ],
    },
];

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// The mock a new Task gets until someone writes one: it returns its input.
pub fn default_mock(key: &str) -> String {
    format!(
        "/**\n * Mock for {key}: what it returns is the result; what it throws is the error.\n * @param {{any}} event what the function receives\n * @param {{MockContext}} context attempt, stateName, sleep(ms), error(name, message)\n */\nexport default async function (event, context) {{\n  return event;\n}}\n"
    )
}
