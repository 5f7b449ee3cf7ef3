//! Variables set by `Assign`, in nested scopes: a Parallel branch or a Map iteration reads the
//! variables of the scope it started in, and what it assigns stays inside it.

use std::collections::HashMap;

use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScopeId(pub usize);

#[derive(Debug, Default)]
struct Scope {
    parent: Option<ScopeId>,
    vars: HashMap<String, Value>,
}

#[derive(Debug)]
pub struct Scopes {
    scopes: Vec<Scope>,
}

impl Default for Scopes {
    fn default() -> Self {
        Scopes { scopes: vec![Scope::default()] }
    }
}

impl Scopes {
    pub const ROOT: ScopeId = ScopeId(0);

    /// A new scope that reads through to `parent`.
    pub fn child(&mut self, parent: ScopeId) -> ScopeId {
        self.scopes.push(Scope { parent: Some(parent), vars: HashMap::new() });
        ScopeId(self.scopes.len() - 1)
    }

    pub fn get(&self, scope: ScopeId, name: &str) -> Option<&Value> {
        let mut at = Some(scope);
        while let Some(s) = at {
            let scope = &self.scopes[s.0];
            if let Some(v) = scope.vars.get(name) {
                return Some(v);
            }
            at = scope.parent;
        }
        None
    }

    pub fn set(&mut self, scope: ScopeId, name: String, value: Value) {
        self.scopes[scope.0].vars.insert(name, value);
    }

    /// Every variable visible from `scope`, inner ones hiding outer ones of the same name.
    pub fn visible(&self, scope: ScopeId) -> Vec<(&str, &Value)> {
        let mut out: Vec<(&str, &Value)> = Vec::new();
        let mut at = Some(scope);
        while let Some(s) = at {
            let scope = &self.scopes[s.0];
            for (k, v) in &scope.vars {
                if !out.iter().any(|(n, _)| n == k) {
                    out.push((k, v));
                }
            }
            at = scope.parent;
        }
        crate::sort::sort_by_key(&mut out, |v| v.0);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_scopes_read_outer_and_keep_their_own() {
        let mut s = Scopes::default();
        s.set(Scopes::ROOT, "x".into(), Value::from(1));
        let inner = s.child(Scopes::ROOT);
        assert_eq!(s.get(inner, "x"), Some(&Value::from(1)));
        s.set(inner, "y".into(), Value::from(2));
        assert_eq!(s.get(Scopes::ROOT, "y"), None);
        assert_eq!(s.visible(inner).len(), 2);
    }
}
