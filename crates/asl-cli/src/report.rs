//! The JSON that `asl run` prints, written as a stream straight to its destination: a long
//! history is never built as a tree or a string first.

use std::io::Write;

use asl::exec::{Execution, HistoryEvent, Outcome, Visit};
use asl::s3::VirtualS3;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

/// What a run printed: its outcome, and what else was asked for.
pub struct Report<'a> {
    pub outcome: Option<&'a Outcome>,
    /// The callback tasks still waiting, when the execution has not finished.
    pub waiting: Option<Value>,
    pub history: Option<&'a [HistoryEvent]>,
    pub data_flow: Option<&'a [Visit]>,
    /// The objects the run wrote to the virtual S3.
    pub written: Option<&'a VirtualS3>,
}

impl<'a> Report<'a> {
    /// Everything `asl run` prints by default for `exec`.
    pub fn of(exec: &'a Execution) -> Report<'a> {
        Report { outcome: exec.outcome(), waiting: None, history: Some(exec.history()), data_flow: None, written: None }
    }

    /// Writes the report and a newline: indented for a person at a terminal (or with
    /// `pretty`), compact for a program reading a pipe or a file. A closed pipe (`asl run ... |
    /// head`) ends the output quietly.
    pub fn print(&self, pretty: bool) {
        use std::io::IsTerminal;
        let stdout = std::io::stdout().lock();
        let pretty = pretty || stdout.is_terminal();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
        let written = if pretty {
            serde_json::to_writer_pretty(&mut out, self).is_ok()
        } else {
            serde_json::to_writer(&mut out, self).is_ok()
        };
        if written {
            let _ = out.write_all(b"\n");
        }
        let _ = out.flush();
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match self.outcome {
            Some(o) => {
                m.serialize_entry("status", o.status.name())?;
                if let Some(output) = &o.output {
                    m.serialize_entry("output", output)?;
                }
                if o.status != asl::exec::Status::Succeeded {
                    m.serialize_entry("error", &o.error)?;
                    m.serialize_entry("cause", &o.cause)?;
                }
            }
            None => {
                m.serialize_entry("status", "RUNNING")?;
                m.serialize_entry("waitingForCallback", &self.waiting)?;
            }
        }
        if let Some(s3) = self.written {
            m.serialize_entry("s3Written", &Written(s3))?;
        }
        if let Some(history) = self.history {
            m.serialize_entry("history", history)?;
        }
        if let Some(visits) = self.data_flow {
            m.serialize_entry("dataFlow", visits)?;
        }
        m.end()
    }
}

/// The objects a run wrote: `[{"bucket", "key", "size"}]`, in bucket and key order.
struct Written<'a>(&'a VirtualS3);

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for (bucket, key, object) in self.0.written() {
            seq.serialize_element(&serde_json::json!({"bucket": bucket, "key": key, "size": object.body.len()}))?;
        }
        seq.end()
    }
}
