//! The execution as a timeline: one row for the top level and one for each Map iteration and
//! Parallel branch, one bar per state visit, its failed attempts and retry backoffs marked.
//!
//! The horizontal axis is virtual time, with every history event also given a small step of
//! its own: most mocks answer in no virtual time, and a purely proportional axis would stack a
//! whole run on one line. A retry's backoff of seconds still shows as a long bar.

use std::collections::HashMap;

use asl::exec::{HistoryEvent, StateType, Visit};

/// Rows beyond this are summarised: a 10,000-item Map would otherwise draw 10,000 rows.
pub const MAX_ROWS: usize = 150;
/// Bars beyond this are left out (a loop of thousands of visits on one row).
pub const MAX_BARS: usize = 4000;
/// The narrowest a bar is drawn, so an instant visit stays visible.
const MIN_BAR: f64 = 3.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// How deeply nested: 0 for the top level.
    pub depth: usize,
}

/// How a visit ended, as of the moment shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    Succeeded,
    Failed,
    Caught,
    /// Still running at the moment shown.
    Active,
    /// Stopped unfinished: another branch failed, or the execution ended.
    Cancelled,
}

impl BarKind {
    pub fn class(self) -> &'static str {
        match self {
            BarKind::Succeeded => "succeeded",
            BarKind::Failed => "failed",
            BarKind::Caught => "caught",
            BarKind::Active => "active",
            BarKind::Cancelled => "cancelled",
        }
    }
}

/// A part of a bar: a failed attempt, or the backoff before a retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    FailedAttempt,
    Backoff,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub kind: SegmentKind,
    pub x0: f64,
    pub x1: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub row: usize,
    /// Index into the run's visits.
    pub visit: usize,
    pub state_name: String,
    pub x0: f64,
    pub x1: f64,
    pub kind: BarKind,
    pub segments: Vec<Segment>,
    /// A short description for a tooltip.
    pub title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub rows: Vec<Row>,
    /// Rows left out beyond [`MAX_ROWS`].
    pub hidden_rows: usize,
    pub bars: Vec<Bar>,
    pub hidden_bars: usize,
    pub ticks: Vec<Tick>,
    /// Where the moment shown is.
    pub cursor_x: f64,
    /// No virtual time passed: bars are spaced by event order only.
    pub instant: bool,
}

/// Maps moments of the run to x positions in `0..=width`.
struct Axis {
    /// The position of each event.
    xs: Vec<f64>,
    times: Vec<i64>,
    scale: f64,
}

impl Axis {
    fn new(events: &[HistoryEvent], width: f64) -> Axis {
        let times: Vec<i64> = events.iter().map(|e| e.timestamp).collect();
        let (start, end) = (times.first().copied().unwrap_or(0), times.last().copied().unwrap_or(0));
        let duration = (end - start).max(0) as f64;
        let steps = times.len().saturating_sub(1).max(1) as f64;
        // With time passing, 35% of the width spaces the events and 65% shows time.
        let (step, scale) =
            if duration > 0.0 { (0.35 * width / steps, 0.65 * width / duration) } else { (width / steps, 0.0) };
        let mut xs = Vec::with_capacity(times.len());
        for (i, t) in times.iter().enumerate() {
            let x = match i {
                0 => 0.0,
                _ => xs[i - 1] + step + (t - times[i - 1]).max(0) as f64 * scale,
            };
            xs.push(x);
        }
        Axis { xs, times, scale }
    }

    /// The position of event `id` (1-based).
    fn at_event(&self, id: u64) -> f64 {
        let i = (id as usize).saturating_sub(1).min(self.xs.len().saturating_sub(1));
        self.xs.get(i).copied().unwrap_or(0.0)
    }

    /// The position of a moment: at the first event it saw, or between the events around it.
    fn at_time(&self, t: i64) -> f64 {
        let i = self.times.partition_point(|&x| x < t);
        match (i, self.times.get(i)) {
            (_, Some(&at)) if at == t => self.xs[i],
            (0, _) => 0.0,
            _ => self.xs[i - 1] + (t - self.times[i - 1]) as f64 * self.scale,
        }
    }
}

/// Lays the run out up to event `cursor` (the playback position), `width` wide. `finished`:
/// the execution has ended (so at its end nothing is still running).
pub fn layout(events: &[HistoryEvent], visits: &[Visit], cursor: usize, width: f64, finished: bool) -> Timeline {
    let shown = &events[..cursor.min(events.len())];
    if shown.is_empty() {
        return Timeline::default();
    }
    let axis = Axis::new(events, width);
    let now_id = shown.len() as u64;
    let now = shown[shown.len() - 1].timestamp;
    let start = events[0].timestamp;
    let kinds: HashMap<&str, StateType> = visits.iter().map(|v| (v.state_name.as_str(), v.state_type)).collect();

    let mut timeline = Timeline { cursor_x: axis.at_event(now_id), ..Timeline::default() };
    let mut row_of: HashMap<&[(String, usize)], usize> = HashMap::new();
    let mut seen_rows = 0usize;
    for (index, v) in visits.iter().enumerate() {
        if v.entered_event_id == 0 || v.entered_event_id > now_id {
            continue;
        }
        let row = match row_of.get(v.lineage.as_slice()) {
            Some(&r) => r,
            None => {
                seen_rows += 1;
                if timeline.rows.len() >= MAX_ROWS {
                    row_of.insert(v.lineage.as_slice(), usize::MAX);
                    continue;
                }
                let r = timeline.rows.len();
                timeline.rows.push(Row { label: row_label(&v.lineage, &kinds), depth: v.lineage.len() });
                row_of.insert(v.lineage.as_slice(), r);
                r
            }
        };
        if row == usize::MAX {
            continue;
        }
        if timeline.bars.len() >= MAX_BARS {
            timeline.hidden_bars += 1;
            continue;
        }
        // Unfinished at its container's end (or the execution's), a visit was stopped there.
        let stopped_at =
            container_end(visits, v, now_id).or((finished && shown.len() == events.len()).then_some(now_id));
        timeline.bars.push(bar(v, index, row, &axis, Moment { id: now_id, at: now, stopped_at }, start));
    }
    timeline.hidden_rows = seen_rows.saturating_sub(timeline.rows.len());
    timeline.instant = events.last().is_none_or(|e| e.timestamp == start);
    timeline.ticks = ticks(&axis, start, events.last().map_or(start, |e| e.timestamp));
    timeline
}

/// The moment shown: its event id and time, and the event at which whatever had not finished
/// was stopped, if that had happened.
#[derive(Clone, Copy)]
struct Moment {
    id: u64,
    at: i64,
    stopped_at: Option<u64>,
}

/// When the Map or Parallel state running `v` ended, if it had by event `now_id`: then `v` was
/// stopped there, not running.
fn container_end(visits: &[Visit], v: &Visit, now_id: u64) -> Option<u64> {
    let (container, _) = v.lineage.last()?;
    visits
        .iter()
        .rfind(|c| {
            c.state_name == *container
                && c.entered_event_id < v.entered_event_id
                && c.lineage.len() + 1 == v.lineage.len()
        })?
        .exited_event_id
        .filter(|&id| id <= now_id)
}

fn bar(v: &Visit, index: usize, row: usize, axis: &Axis, now: Moment, start: i64) -> Bar {
    let exited = v.exited_event_id.filter(|&id| id <= now.id);
    // A state that failed without a Catch of its own has no exit event: it ends at its failure.
    let failed_at = v.error.as_ref().and(v.attempts.last()).and_then(|a| a.ended_at).filter(|&t| t <= now.at);
    let x0 = axis.at_event(v.entered_event_id);
    let cursor = axis.at_event(now.id);
    let (end, kind) = match (exited, failed_at) {
        (Some(id), _) => {
            let kind = match (&v.error, v.caught_by) {
                (Some(_), Some(_)) => BarKind::Caught,
                (Some(_), None) => BarKind::Failed,
                (None, _) => BarKind::Succeeded,
            };
            (axis.at_event(id), kind)
        }
        (None, Some(t)) => {
            (axis.at_time(t).min(cursor), if v.caught_by.is_some() { BarKind::Caught } else { BarKind::Failed })
        }
        (None, None) if now.stopped_at.is_some() => {
            (now.stopped_at.map_or(cursor, |id| axis.at_event(id)), BarKind::Cancelled)
        }
        (None, None) => (cursor, BarKind::Active),
    };
    let x1 = end.max(x0 + MIN_BAR);
    let clamp = |x: f64| x.clamp(x0, x1);
    let mut segments = Vec::new();
    // Failed attempts that were retried, each followed by its backoff. (The last attempt's
    // failure is the bar's own colour.)
    let retried = v.attempts.len().saturating_sub(1);
    for a in v.attempts.iter().take(retried) {
        if a.started_at > now.at {
            break;
        }
        let Some(err_at) = a.ended_at.filter(|&t| t <= now.at && a.error.is_some()) else { continue };
        let (s0, s1) = (clamp(axis.at_time(a.started_at)), clamp(axis.at_time(err_at)));
        segments.push(Segment { kind: SegmentKind::FailedAttempt, x0: s0, x1: s1.max(s0 + 1.0).min(x1) });
        if let Some(delay) = a.retry_delay_ms {
            let until = (err_at + delay as i64).min(now.at);
            let (b0, b1) = (clamp(axis.at_time(err_at)), clamp(axis.at_time(until)));
            if b1 > b0 {
                segments.push(Segment { kind: SegmentKind::Backoff, x0: b0, x1: b1 });
            }
        }
    }
    let took = exited.map(|_| v.exited_at.unwrap_or(now.at) - v.entered_at).or(failed_at.map(|t| t - v.entered_at));
    let mut title = format!("{} · entered {}", v.state_name, crate::view::controls::elapsed(v.entered_at - start));
    match took {
        Some(ms) => title.push_str(&format!(", took {}", crate::view::controls::elapsed(ms).trim_start_matches('+'))),
        None if kind == BarKind::Cancelled => title.push_str(", stopped unfinished"),
        None => title.push_str(", still running"),
    }
    let failed = v.attempts.iter().filter(|a| a.error.is_some()).count();
    if failed > 0 {
        title.push_str(&format!(" · {failed} failed attempt{}", if failed == 1 { "" } else { "s" }));
    }
    if let Some(f) = &v.error {
        title.push_str(&format!(" · {}", f.error));
    }
    Bar { row, visit: index, state_name: v.state_name.clone(), x0, x1, kind, segments, title }
}

/// "Execution", or where the visit runs: `Fan · branch 2 › Price · item 7`.
fn row_label(lineage: &[(String, usize)], kinds: &HashMap<&str, StateType>) -> String {
    if lineage.is_empty() {
        return "Execution".into();
    }
    lineage
        .iter()
        .map(|(name, i)| match kinds.get(name.as_str()) {
            Some(StateType::Parallel) => format!("{name} · branch {}", i + 1),
            _ => format!("{name} · item {i}"),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// About six labelled moments of virtual time, at round values.
fn ticks(axis: &Axis, start: i64, end: i64) -> Vec<Tick> {
    let duration = end - start;
    if duration <= 0 {
        return vec![Tick { x: 0.0, label: "+0 s".into() }];
    }
    let raw = duration as f64 / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw).max(1.0) as i64;
    (0..)
        .map(|k| k * step)
        .take_while(|&t| t <= duration)
        .map(|t| Tick { x: axis.at_time(start + t), label: short(t) })
        .collect()
}

/// A tick's label: `+0 s`, `+1.5 s`, `+2 min`, `+1 h`.
fn short(ms: i64) -> String {
    match ms {
        0 => "+0 s".into(),
        ms if ms < 60_000 => format!("+{} s", trim(ms as f64 / 1000.0)),
        ms if ms < 3_600_000 => format!("+{} min", trim(ms as f64 / 60_000.0)),
        ms if ms < 86_400_000 => format!("+{} h", trim(ms as f64 / 3_600_000.0)),
        ms => format!("+{} d", trim(ms as f64 / 86_400_000.0)),
    }
}

fn trim(x: f64) -> String {
    let s = format!("{:.2}", crate::view::html::Num(x));
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::sync::Arc;

    fn run(
        definition: serde_json::Value,
        answer: impl FnMut(&asl::exec::TaskRequest) -> asl::host::Answer,
    ) -> (Vec<HistoryEvent>, Vec<Visit>) {
        let def = asl::load_value(&definition);
        let mut exec = asl::exec::Execution::start(
            Arc::new(def.machine.unwrap()),
            json!({"items": [1, 2, 3]}),
            Default::default(),
        )
        .unwrap();
        asl::host::run_to_end(&mut exec, answer);
        let (h, v, _) = exec.into_record();
        (h, v)
    }

    #[test]
    fn retries_show_failed_attempts_and_their_backoff_and_map_items_get_rows() {
        let definition = json!({
            "StartAt": "Call",
            "States": {
                "Call": {
                    "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f",
                    "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 4, "MaxAttempts": 2}],
                    "Next": "Each"
                },
                "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                    "ItemProcessor": {"StartAt": "Step", "States": {"Step": {"Type": "Pass", "End": true}}}}
            }
        });
        let mut calls = 0;
        let (events, visits) = run(definition, |req| {
            calls += 1;
            if calls == 1 {
                (asl::exec::TaskAnswer::Failed { error: "Boom".into(), cause: None }, 100)
            } else {
                (asl::exec::TaskAnswer::Succeeded(req.input.clone()), 100)
            }
        });
        let t = layout(&events, &visits, events.len(), 1000.0, true);
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Execution", "Each · item 0", "Each · item 1", "Each · item 2"]);
        let call = t.bars.iter().find(|b| b.state_name == "Call").unwrap();
        assert_eq!(call.kind, BarKind::Succeeded);
        let kinds: Vec<SegmentKind> = call.segments.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SegmentKind::FailedAttempt, SegmentKind::Backoff]);
        let backoff = &call.segments[1];
        assert!(backoff.x1 - backoff.x0 > 300.0, "four seconds of a 4.2 s run is most of the width: {backoff:?}");
        assert!(call.title.contains("1 failed attempt"));
        assert!(!t.instant);
        assert_eq!(t.ticks.first().unwrap().label, "+0 s");

        // Halfway through the playback, only what had started is drawn, and Call still runs.
        let entered_each = visits.iter().find(|v| v.state_name == "Each").unwrap().entered_event_id as usize;
        let early = layout(&events, &visits, entered_each - 2, 1000.0, true);
        assert_eq!(early.rows.len(), 1);
        assert_eq!(early.bars.len(), 1);
        assert_eq!(early.bars[0].kind, BarKind::Active);
    }

    #[test]
    fn branches_stopped_by_a_failing_one_are_cancelled_and_the_failing_one_ends_at_its_failure() {
        let definition = json!({"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}],
            "Branches": [
                {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:slow", "End": true}}},
                {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:boom", "End": true}}}
            ]}, "Done": {"Type": "Pass", "End": true}}});
        let (events, visits) = run(definition, |req| {
            if req.state_name == "Boom" {
                (asl::exec::TaskAnswer::Failed { error: "Boom".into(), cause: None }, 100)
            } else {
                (asl::exec::TaskAnswer::Succeeded(json!(1)), 5000)
            }
        });
        let t = layout(&events, &visits, events.len(), 1000.0, true);
        let kind = |name: &str| t.bars.iter().find(|b| b.state_name == name).unwrap().kind;
        assert_eq!(kind("Slow"), BarKind::Cancelled);
        assert_eq!(kind("Boom"), BarKind::Failed);
        assert_eq!(kind("Both"), BarKind::Caught);
        let boom = t.bars.iter().find(|b| b.state_name == "Boom").unwrap();
        assert!(boom.segments.is_empty(), "no retry, so no failed-attempt segment");
        assert!(boom.x1 < t.cursor_x, "it ends at its failure");
        let slow = t.bars.iter().find(|b| b.state_name == "Slow").unwrap();
        let both = t.bars.iter().find(|b| b.state_name == "Both").unwrap();
        assert_eq!(slow.x1, both.x1, "a stopped branch ends where its Parallel did");
    }

    #[test]
    fn a_run_in_no_virtual_time_is_spread_by_event_order() {
        let definition = json!({"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}});
        let (events, visits) = run(definition, |_| unreachable!());
        let t = layout(&events, &visits, events.len(), 1000.0, true);
        assert!(t.instant);
        assert!(t.bars[1].x0 > t.bars[0].x0 + 100.0, "{:?}", t.bars);
        assert_eq!(t.cursor_x, 1000.0);
    }
}
