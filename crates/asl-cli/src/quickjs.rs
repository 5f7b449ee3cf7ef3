//! An embedded QuickJS with limits for untrusted code: a memory cap, a stack cap, and a
//! wall-clock guard that interrupts JavaScript running past its time. The command's mocks and
//! its JSONata evaluator each run in one.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use rquickjs::{Context, Ctx, Runtime};

// Fields drop in order: whatever holds values of the context must go before it, and the
// context before the runtime, or QuickJS finds live objects when it is freed.
pub struct Guarded {
    pub context: Context,
    _runtime: Runtime,
    /// Milliseconds after `base` at which running JavaScript is interrupted (0: none).
    deadline: Arc<AtomicU64>,
    base: Instant,
}

impl Guarded {
    pub fn new(memory_limit: usize, stack_limit: usize) -> Result<Guarded, String> {
        let runtime = Runtime::new().map_err(|e| format!("cannot start QuickJS: {e}"))?;
        runtime.set_memory_limit(memory_limit);
        runtime.set_max_stack_size(stack_limit);
        let base = Instant::now();
        let deadline = Arc::new(AtomicU64::new(0));
        let guard = Arc::clone(&deadline);
        runtime.set_interrupt_handler(Some(Box::new(move || {
            let d = guard.load(Ordering::Relaxed);
            d != 0 && base.elapsed().as_millis() as u64 >= d
        })));
        let context = Context::full(&runtime).map_err(|e| format!("cannot start QuickJS: {e}"))?;
        Ok(Guarded { context, _runtime: runtime, deadline, base })
    }

    /// Runs `work` in the context, interrupting its JavaScript after `timeout_ms` of real time.
    pub fn with_deadline<R>(&self, timeout_ms: u64, work: impl FnOnce(Ctx<'_>) -> R) -> R {
        let start = self.base.elapsed().as_millis() as u64;
        self.deadline.store(start + timeout_ms.max(1), Ordering::Relaxed);
        let out = self.context.with(work);
        self.deadline.store(0, Ordering::Relaxed);
        out
    }
}
