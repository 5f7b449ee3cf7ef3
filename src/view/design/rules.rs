//! A Choice's rules: each as a builder (a comparison's variable, operator and operand; all of,
//! any of, not; a JSONata Condition; JSON for what the builder cannot show), with its Next, and
//! the Choice's Default. A change is checked by the engine as any field is, and refused with its
//! message beside the rule.

use asl::edit::fields::refusal;
use asl::edit::rules::{self, Rule};
use asl::edit::states::{self, Edge};
use leptos::prelude::*;
use serde_json::Value;

use super::{commit, notify};
use crate::store::Store;

/// The builder's kinds of rule, as its select names them.
const KINDS: &[(&str, &str)] =
    &[("compare", "Compare"), ("and", "All of"), ("or", "Any of"), ("not", "Not"), ("condition", "JSONata condition")];

#[component]
pub fn ChoiceRules(
    store: Store,
    scope: String,
    name: String,
    body: Value,
    others: Vec<String>,
    jsonata: bool,
) -> impl IntoView {
    let rules_json: Vec<Value> = body.get("Choices").and_then(Value::as_array).cloned().unwrap_or_default();
    let default = body.get("Default").and_then(Value::as_str).unwrap_or_default().to_string();
    let target_select = |label: String,
                         current: String,
                         optional: bool,
                         edge: Edge,
                         scope: String,
                         others: Vec<String>| {
        view! {
            <label class="field">
                <span>{label.clone()}</span>
                <select aria-label=label on:change=move |ev| {
                    let to = event_target_value(&ev);
                    let text = store.workspace.with_untracked(|w| w.definition.clone());
                    let to = (!to.is_empty()).then_some(to.as_str());
                    notify(store, commit(store, states::set_transition(&text, &scope, &edge, to), None));
                }>
                    {(optional || current.is_empty()).then(|| view! { <option value="" selected=current.is_empty()>"(none)"</option> })}
                    {others.iter().map(|o| view! { <option value=o.clone() selected=*o == current>{o.clone()}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let rule_views = rules_json
        .iter()
        .enumerate()
        .map(|(i, json)| {
            let refused = RwSignal::new(None::<String>);
            let (scope_c, name_c) = (scope.clone(), name.clone());
            let on_change = Callback::new(move |rule: Rule| {
                let before = store.workspace.with_untracked(|w| w.definition.clone());
                let pointer = format!("{}/Choices/{i}", states::state(&scope_c, &name_c));
                match rules::set_rule(&before, &scope_c, &name_c, i, &rule) {
                    Err(e) => refused.set(Some(e.to_string())),
                    Ok(after) => match refusal(&before, &after, &pointer) {
                        Some(why) => refused.set(Some(why)),
                        None => refused.set(commit(store, Ok(after), None).err()),
                    },
                }
            });
            let next = json.get("Next").and_then(Value::as_str).unwrap_or_default().to_string();
            let (scope_r, name_r) = (scope.clone(), name.clone());
            let remove = move |_| {
                let text = store.workspace.with_untracked(|w| w.definition.clone());
                notify(store, commit(store, rules::remove_rule(&text, &scope_r, &name_r, i), None));
            };
            view! {
                <fieldset class="rule">
                    <legend>{format!("Rule {}", i + 1)}</legend>
                    {rule_editor(rules::read(json), on_change, 0)}
                    {move || refused.get().map(|why| view! { <div class="field-error" role="alert">{why}</div> })}
                    {target_select(format!("Rule {} goes to", i + 1), next, false, Edge::Choice(name.clone(), i), scope.clone(), others.clone())}
                    <button class="secondary small" on:click=remove>"Remove this rule"</button>
                </fieldset>
            }
        })
        .collect_view();
    let (scope_a, name_a, first) = (scope.clone(), name.clone(), others.first().cloned().unwrap_or_default());
    let next_for_new = if default.is_empty() { first } else { default.clone() };
    let add = move |_| {
        let text = store.workspace.with_untracked(|w| w.definition.clone());
        let rule = if jsonata { Rule::Condition("{% true %}".into()) } else { rules::starter() };
        notify(store, commit(store, rules::add_rule(&text, &scope_a, &name_a, &rule, &next_for_new), None));
    };
    view! {
        <div class="rules">
            <h4 class="form-subtitle">"Rules, in order"</h4>
            {rule_views}
            <button class="secondary" on:click=add>"Add a rule"</button>
            {target_select("Default".into(), default, true, Edge::Default(name.clone()), scope.clone(), others.clone())}
        </div>
    }
}

/// One rule's builder; `on_change` gets the whole rule after any change inside it.
fn rule_editor(rule: Rule, on_change: Callback<Rule>, depth: usize) -> AnyView {
    let kind = match &rule {
        Rule::Compare { .. } => "compare",
        Rule::And(_) => "and",
        Rule::Or(_) => "or",
        Rule::Not(_) => "not",
        Rule::Condition(_) => "condition",
        Rule::Other(_) => "json",
    };
    let current = rule.clone();
    let change_kind = move |ev: leptos::ev::Event| {
        let inner = match &current {
            Rule::And(items) | Rule::Or(items) => items.first().cloned().unwrap_or_else(rules::starter),
            Rule::Not(inner) => (**inner).clone(),
            Rule::Compare { .. } => current.clone(),
            _ => rules::starter(),
        };
        let wrapped = match &current {
            Rule::And(items) | Rule::Or(items) => items.clone(),
            _ => vec![inner.clone()],
        };
        on_change.run(match event_target_value(&ev).as_str() {
            "and" => Rule::And(wrapped),
            "or" => Rule::Or(wrapped),
            "not" => Rule::Not(Box::new(inner)),
            "condition" => Rule::Condition("{% true %}".into()),
            _ => inner,
        });
    };
    let body = match rule.clone() {
        Rule::Compare { variable, operator, operand } => compare_editor(variable, operator, operand, on_change).into_any(),
        Rule::And(items) | Rule::Or(items) => {
            let is_and = matches!(rule, Rule::And(_));
            let rebuild = move |items: Vec<Rule>| if is_and { Rule::And(items) } else { Rule::Or(items) };
            let rows = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let (items_c, items_r) = (items.clone(), items.clone());
                    let child_change = Callback::new(move |new: Rule| {
                        let mut items = items_c.clone();
                        items[i] = new;
                        on_change.run(rebuild(items));
                    });
                    let remove = move |_| {
                        let mut items = items_r.clone();
                        items.remove(i);
                        on_change.run(rebuild(items));
                    };
                    view! {
                        <div class="rule-part">
                            {rule_editor(item.clone(), child_change, depth + 1)}
                            <button class="secondary small" title="Remove this condition" on:click=remove>"×"</button>
                        </div>
                    }
                })
                .collect_view();
            let add = move |_| {
                let mut items = items.clone();
                items.push(rules::starter());
                on_change.run(rebuild(items));
            };
            view! { <div class="rule-group">{rows}<button class="secondary small" on:click=add>"Add a condition"</button></div> }.into_any()
        }
        Rule::Not(inner) => {
            let child_change = Callback::new(move |new: Rule| on_change.run(Rule::Not(Box::new(new))));
            view! { <div class="rule-group">{rule_editor(*inner, child_change, depth + 1)}</div> }.into_any()
        }
        Rule::Condition(condition) => view! {
            <input type="text" aria-label="Condition" prop:value=condition on:change=move |ev| on_change.run(Rule::Condition(event_target_value(&ev))) />
        }
        .into_any(),
        Rule::Other(json) => {
            let shown = serde_json::to_string_pretty(&json).unwrap_or_default();
            view! {
                <textarea class="field-json" aria-label="Rule as JSON" rows=shown.lines().count().clamp(2, 10) prop:value=shown on:change=move |ev| {
                    if let Ok(v) = serde_json::from_str::<Value>(&event_target_value(&ev)) {
                        on_change.run(rules::read(&v));
                    }
                }></textarea>
            }
            .into_any()
        }
    };
    view! {
        <div class="rule-editor" data-depth=depth>
            <select class="rule-kind" aria-label="Kind of rule" on:change=change_kind>
                {KINDS.iter().map(|(id, label)| view! { <option value=*id selected=*id == kind>{*label}</option> }).collect_view()}
                {(kind == "json").then(|| view! { <option value="json" selected=true>"As JSON"</option> })}
            </select>
            {body}
        </div>
    }
    .into_any()
}

/// A comparison: its variable, operator and operand (read for the operator: a number, true or
/// false, a path or a string).
fn compare_editor(variable: String, operator: String, operand: Value, on_change: Callback<Rule>) -> impl IntoView {
    let bad = RwSignal::new(None::<String>);
    let state = StoredValue::new((variable, operator.clone(), operand.clone()));
    let send = move |variable: Option<String>, operator: Option<String>, operand_text: Option<String>| {
        let (v, o, value) = state.get_value();
        let (v, o) = (variable.unwrap_or(v), operator.unwrap_or(o));
        let text = operand_text.unwrap_or_else(|| rules::show_operand(&value));
        match rules::read_operand(&o, &text) {
            Ok(operand) => {
                bad.set(None);
                on_change.run(Rule::Compare { variable: v, operator: o, operand });
            }
            Err(why) => bad.set(Some(why)),
        }
    };
    let (v0, o0) = state.with_value(|(v, o, _)| (v.clone(), o.clone()));
    view! {
        <div class="compare">
            <input type="text" aria-label="Variable" prop:value=v0 on:change=move |ev| send(Some(event_target_value(&ev)), None, None) />
            <select aria-label="Operator" on:change=move |ev| send(None, Some(event_target_value(&ev)), None)>
                {rules::operators().into_iter().map(|op| { let on = op == o0; view! { <option value=op.clone() selected=on>{op.clone()}</option> } }).collect_view()}
            </select>
            <input type="text" aria-label="Value" prop:value=rules::show_operand(&operand) on:change=move |ev| send(None, None, Some(event_target_value(&ev))) />
        </div>
        {move || bad.get().map(|why| view! { <div class="field-error" role="alert">{why}</div> })}
    }
}
