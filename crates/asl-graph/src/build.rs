//! The model to a graph: nodes, edges and nested clusters.

use asl::model::{BodyId, Edge as ModelEdge, StateKind, StateMachine, Transition};

use crate::describe::describe_condition;

/// A state machine's graph: the top-level cluster.
#[derive(Clone, Debug)]
pub struct Graph {
    pub root: Cluster,
}

/// The states of one body (the machine, a Parallel branch, a Map's item processor), with its
/// Start and End markers.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Start,
    End,
    State,
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    /// The state's name ("Start"/"End" for the markers).
    pub name: String,
    /// `Pass`, `Task`, ... (empty for the markers).
    pub state_type: &'static str,
    /// JSON pointer of the state in the definition, to jump to it in the editor.
    pub pointer: String,
    /// For Task states, what the task calls (`Lambda: Charge`, `sqs:sendMessage`).
    pub detail: Option<String>,
    /// Parallel branches, or a Map's item processor.
    pub children: Vec<Cluster>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    Start,
    Next,
    Choice,
    Default,
    Catch,
    End,
}

#[derive(Clone, Debug)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub label: Option<String>,
    /// For a Choice rule's or a catcher's edge, its index in Choices or Catch.
    pub index: Option<usize>,
}

/// The graph of `machine`.
pub fn build(machine: &StateMachine) -> Graph {
    Graph { root: cluster(machine, StateMachine::ROOT) }
}

fn cluster(machine: &StateMachine, id: BodyId) -> Cluster {
    let body = machine.body(id);
    let mut nodes = vec![Node {
        kind: NodeKind::Start,
        name: "Start".into(),
        state_type: "",
        pointer: body.pointer.clone(),
        detail: None,
        children: vec![],
    }];
    for state in &body.states {
        let children = match &state.kind {
            StateKind::Parallel(p) => p.branches.iter().map(|b| cluster(machine, *b)).collect(),
            StateKind::Map(m) => vec![cluster(machine, m.processor)],
            _ => vec![],
        };
        let detail = match &state.kind {
            StateKind::Task(t) => Some(task_detail(&t.resource)),
            _ => None,
        };
        nodes.push(Node {
            kind: NodeKind::State,
            name: state.name.to_string(),
            state_type: state.type_name(),
            pointer: state.pointer.clone(),
            detail,
            children,
        });
    }
    let end = nodes.len();
    nodes.push(Node {
        kind: NodeKind::End,
        name: "End".into(),
        state_type: "",
        pointer: body.pointer.clone(),
        detail: None,
        children: vec![],
    });
    let mut edges = Vec::new();
    if let Some(start) = body.position(&body.start_at) {
        edges.push(Edge { from: 0, to: start + 1, kind: EdgeKind::Start, label: None, index: None });
    }
    for (i, state) in body.states.iter().enumerate() {
        let from = i + 1;
        for (target, how) in state.successors() {
            let Some(to) = body.position(target) else { continue };
            let (kind, label, index) = match how {
                ModelEdge::Next => (EdgeKind::Next, None, None),
                ModelEdge::Default => (EdgeKind::Default, Some("Default".to_string()), None),
                ModelEdge::ChoiceRule(r) => match &state.kind {
                    StateKind::Choice(c) => {
                        (EdgeKind::Choice, Some(describe_condition(&c.choices[r].condition)), Some(r))
                    }
                    _ => (EdgeKind::Choice, None, Some(r)),
                },
                ModelEdge::Catch(c) => {
                    (EdgeKind::Catch, Some(format!("Catch: {}", state.catch[c].error_equals.join(", "))), Some(c))
                }
            };
            edges.push(Edge { from, to: to + 1, kind, label, index });
        }
        let ends = matches!(state.kind, StateKind::Succeed | StateKind::Fail(_)) || state.transition == Transition::End;
        if ends {
            edges.push(Edge { from, to: end, kind: EdgeKind::End, label: None, index: None });
        }
    }
    Cluster { nodes, edges }
}

fn task_detail(r: &asl::model::Resource) -> String {
    use asl::model::ResourceKind;
    match &r.kind {
        ResourceKind::LambdaFunction { name } => format!("Lambda: {name}"),
        ResourceKind::Activity { name } => format!("Activity: {name}"),
        ResourceKind::Service { service, .. } => format!("{service}:{}", r.resource_name()),
        ResourceKind::Placeholder | ResourceKind::Unknown => r.arn.clone(),
    }
}
