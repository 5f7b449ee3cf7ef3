//! A small argument parser: one positional file and `--name value` options.

use std::collections::HashMap;

pub struct Args {
    pub file: String,
    values: HashMap<&'static str, Vec<String>>,
    flags: Vec<&'static str>,
}

/// The options a command accepts: `(name, takes_value)`.
pub type Spec = &'static [(&'static str, bool)];

/// Options that may be given more than once (each `--sub KEY=VALUE`).
const REPEATABLE: &[&str] = &["sub"];

impl Args {
    pub fn parse(argv: &[String], spec: Spec) -> Result<Args, String> {
        let mut file = None;
        let mut values = HashMap::new();
        let mut flags = Vec::new();
        let mut it = argv.iter();
        while let Some(arg) = it.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (name, None),
                };
                let Some(&(known, takes_value)) = spec.iter().find(|(n, _)| *n == name) else {
                    return Err(format!("unknown option --{name}"));
                };
                if takes_value {
                    let value = match inline {
                        Some(v) => v,
                        None => it.next().cloned().ok_or_else(|| format!("--{name} needs a value"))?,
                    };
                    let given: &mut Vec<String> = values.entry(known).or_default();
                    if !given.is_empty() && !REPEATABLE.contains(&known) {
                        return Err(format!("--{name} is given twice"));
                    }
                    given.push(value);
                } else {
                    flags.push(known);
                }
            } else if file.is_none() {
                file = Some(arg.clone());
            } else {
                return Err(format!("unexpected argument '{arg}'"));
            }
        }
        let file = file.ok_or("a FILE (a definition, or a SAM or CloudFormation template) is required")?;
        Ok(Args { file, values, flags })
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    /// Every value of a repeatable option, in the order given.
    pub fn values(&self, name: &str) -> impl Iterator<Item = &str> {
        self.values.get(name).into_iter().flatten().map(String::as_str)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }
}
