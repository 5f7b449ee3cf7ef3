//! The eighteen intrinsic functions: their names, how many arguments each takes, and which
//! argument types each fixes (what `parse` can check before any data exists).

use serde_json::Value;

/// The eighteen intrinsic functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Function {
    Format,
    StringToJson,
    JsonToString,
    Array,
    ArrayPartition,
    ArrayContains,
    ArrayRange,
    ArrayGetItem,
    ArrayLength,
    ArrayUnique,
    Base64Encode,
    Base64Decode,
    Hash,
    JsonMerge,
    MathRandom,
    MathAdd,
    StringSplit,
    Uuid,
}

/// The JSON type an argument must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Any,
    String,
    Number,
    Boolean,
    Array,
    Object,
}

/// How many arguments a function accepts, both ends included (`None`: no upper bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arity {
    pub min: usize,
    pub max: Option<usize>,
}

impl Arity {
    const fn exactly(n: usize) -> Self {
        Arity { min: n, max: Some(n) }
    }

    const fn at_least(n: usize) -> Self {
        Arity { min: n, max: None }
    }

    pub fn allows(self, count: usize) -> bool {
        count >= self.min && self.max.is_none_or(|max| count <= max)
    }
}

/// The algorithm names `States.Hash` accepts, spelled as AWS spells them.
pub const HASH_ALGORITHMS: [&str; 5] = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

impl Function {
    pub const ALL: [Function; 18] = [
        Function::Format,
        Function::StringToJson,
        Function::JsonToString,
        Function::Array,
        Function::ArrayPartition,
        Function::ArrayContains,
        Function::ArrayRange,
        Function::ArrayGetItem,
        Function::ArrayLength,
        Function::ArrayUnique,
        Function::Base64Encode,
        Function::Base64Decode,
        Function::Hash,
        Function::JsonMerge,
        Function::MathRandom,
        Function::MathAdd,
        Function::StringSplit,
        Function::Uuid,
    ];

    /// The full name as written in a definition, e.g. `States.ArrayGetItem`.
    pub fn name(self) -> &'static str {
        match self {
            Function::Format => "States.Format",
            Function::StringToJson => "States.StringToJson",
            Function::JsonToString => "States.JsonToString",
            Function::Array => "States.Array",
            Function::ArrayPartition => "States.ArrayPartition",
            Function::ArrayContains => "States.ArrayContains",
            Function::ArrayRange => "States.ArrayRange",
            Function::ArrayGetItem => "States.ArrayGetItem",
            Function::ArrayLength => "States.ArrayLength",
            Function::ArrayUnique => "States.ArrayUnique",
            Function::Base64Encode => "States.Base64Encode",
            Function::Base64Decode => "States.Base64Decode",
            Function::Hash => "States.Hash",
            Function::JsonMerge => "States.JsonMerge",
            Function::MathRandom => "States.MathRandom",
            Function::MathAdd => "States.MathAdd",
            Function::StringSplit => "States.StringSplit",
            Function::Uuid => "States.UUID",
        }
    }

    /// The function with this full name; names are case-sensitive, as in AWS.
    pub fn from_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn arity(self) -> Arity {
        match self {
            Function::Format => Arity::at_least(1),
            Function::Array => Arity::at_least(0),
            Function::Uuid => Arity::exactly(0),
            Function::StringToJson
            | Function::JsonToString
            | Function::ArrayLength
            | Function::ArrayUnique
            | Function::Base64Encode
            | Function::Base64Decode => Arity::exactly(1),
            Function::ArrayPartition
            | Function::ArrayContains
            | Function::ArrayGetItem
            | Function::Hash
            | Function::MathAdd
            | Function::StringSplit => Arity::exactly(2),
            Function::ArrayRange | Function::JsonMerge => Arity::exactly(3),
            Function::MathRandom => Arity { min: 2, max: Some(3) },
        }
    }

    /// The type the argument at `index` (0-based) must have.
    pub fn param(self, index: usize) -> Kind {
        use Kind::*;
        let kinds: &[Kind] = match self {
            Function::Format => &[String],
            Function::StringToJson
            | Function::Base64Encode
            | Function::Base64Decode
            | Function::Hash
            | Function::StringSplit => &[String, String],
            Function::JsonToString | Function::Array | Function::Uuid => &[],
            Function::ArrayPartition | Function::ArrayGetItem => &[Array, Number],
            Function::ArrayContains | Function::ArrayLength | Function::ArrayUnique => &[Array],
            Function::ArrayRange | Function::MathRandom | Function::MathAdd => &[Number, Number, Number],
            Function::JsonMerge => &[Object, Object, Boolean],
        };
        kinds.get(index).copied().unwrap_or(Any)
    }
}

impl std::fmt::Display for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Kind {
    pub fn matches(self, value: &Value) -> bool {
        match self {
            Kind::Any => true,
            Kind::String => value.is_string(),
            Kind::Number => value.is_number(),
            Kind::Boolean => value.is_boolean(),
            Kind::Array => value.is_array(),
            Kind::Object => value.is_object(),
        }
    }

    /// The kind with its article, for messages: "a string", "an array".
    pub fn described(self) -> &'static str {
        match self {
            Kind::Any => "any JSON value",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Boolean => "a boolean",
            Kind::Array => "an array",
            Kind::Object => "a JSON object",
        }
    }
}

/// What a value is, with its article, for messages: "a string", "null".
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "a JSON object",
    }
}

/// "first", "second", ... for argument positions in messages (0-based index).
pub fn ordinal(index: usize) -> &'static str {
    const NAMES: [&str; 10] =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    NAMES.get(index).copied().unwrap_or("next")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips() {
        for function in Function::ALL {
            assert_eq!(Function::from_name(function.name()), Some(function));
        }
        assert_eq!(Function::from_name("States.uuid"), None);
        assert_eq!(Function::from_name("States.Uuid"), None);
        assert_eq!(Function::from_name("States.UUID"), Some(Function::Uuid));
    }

    #[test]
    fn arities_follow_the_docs() {
        assert!(Function::Array.arity().allows(0));
        assert!(Function::Format.arity().allows(5));
        assert!(!Function::Format.arity().allows(0));
        assert!(Function::MathRandom.arity().allows(2));
        assert!(Function::MathRandom.arity().allows(3));
        assert!(!Function::MathRandom.arity().allows(4));
        assert!(!Function::Uuid.arity().allows(1));
        assert!(Function::JsonMerge.arity().allows(3));
    }

    #[test]
    fn fixed_parameter_kinds() {
        assert_eq!(Function::JsonMerge.param(2), Kind::Boolean);
        assert_eq!(Function::Format.param(0), Kind::String);
        assert_eq!(Function::Format.param(1), Kind::Any);
        assert_eq!(Function::ArrayContains.param(1), Kind::Any);
        assert_eq!(Function::StringToJson.param(0), Kind::String);
    }
}
