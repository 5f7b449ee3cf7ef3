//! The JSON both hosts speak with the JSONata host script (`js/jsonata-host.js`): the request
//! as `{expressions, bindings, now, seed: [hi, lo]}`, and one answer entry per expression,
//! `{value}`, `{undefined: true}`, `{unsupported: ...}` or `{error: {code, message}}`.

use serde_json::{Value, json};

use super::{EvalRequest, Evaluated};

impl EvalRequest {
    /// The request as the host script takes it (the seed split into two 32-bit words, which
    /// JavaScript numbers hold exactly).
    pub fn to_host_json(&self) -> Value {
        json!({
            "expressions": self.expressions,
            "bindings": self.bindings,
            "now": self.now,
            "seed": [(self.seed >> 32) as u32, self.seed as u32],
        })
    }

    /// The host script's answer text, one [`Evaluated`] per expression of this request. An
    /// answer that cannot be read fails every expression with `problem`'s text.
    pub fn answers_from_host(&self, text: Result<&str, &str>) -> Vec<Evaluated> {
        let failed = |message: &str| Evaluated::Failed { code: String::new(), message: message.to_string() };
        let entries = match text.map(serde_json::from_str::<Value>) {
            Ok(Ok(Value::Array(entries))) => entries,
            Ok(_) => return vec![failed("the JSONata host gave an unreadable answer"); self.expressions.len()],
            Err(problem) => return vec![failed(problem); self.expressions.len()],
        };
        let mut out: Vec<Evaluated> = entries.into_iter().map(Evaluated::from_host_entry).collect();
        out.resize(self.expressions.len(), failed("the JSONata host gave no answer for this expression"));
        out
    }
}

impl Evaluated {
    /// One entry of the host script's answer.
    pub fn from_host_entry(entry: Value) -> Evaluated {
        if let Some(v) = entry.get("value") {
            return Evaluated::Value(v.clone());
        }
        if entry.get("undefined").is_some() {
            return Evaluated::Undefined;
        }
        if entry.get("unsupported").is_some() {
            return Evaluated::Unsupported;
        }
        let error = entry.get("error");
        let text = |k: &str| error.and_then(|e| e.get(k)).and_then(Value::as_str).unwrap_or_default().to_string();
        Evaluated::Failed { code: text("code"), message: text("message") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(n: usize) -> EvalRequest {
        EvalRequest {
            id: 1,
            state_name: "S".into(),
            expressions: vec!["1".into(); n],
            bindings: json!({}),
            now: 0,
            seed: (7 << 32) | 9,
        }
    }

    #[test]
    fn entries_become_answers_and_missing_ones_fail() {
        let r = request(3);
        let text = r#"[{"value": 1}, {"undefined": true}]"#;
        let answers = r.answers_from_host(Ok(text));
        assert_eq!(answers[0], Evaluated::Value(json!(1)));
        assert_eq!(answers[1], Evaluated::Undefined);
        assert!(matches!(&answers[2], Evaluated::Failed { .. }));
        assert_eq!(r.to_host_json()["seed"], json!([7, 9]));
    }

    #[test]
    fn a_host_that_failed_fails_every_expression_with_its_reason() {
        let answers = request(2).answers_from_host(Err("timed out"));
        assert_eq!(answers, vec![Evaluated::Failed { code: String::new(), message: "timed out".into() }; 2]);
    }
}
