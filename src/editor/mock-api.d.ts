/** What a mock knows about the task it answers. */
interface MockContext {
  /** The Task state's name. */
  readonly stateName: string;
  /** 1 on the first attempt, 2 on the first retry, and so on. */
  readonly attempt: number;
  /** How many times the state has been retried: `attempt - 1`. */
  readonly retryCount: number;
  /** The task's Resource ARN. */
  readonly resource: string;
  /** The task token (`$$.Task.Token`), for callback tasks. */
  readonly taskToken: string | null;
  /** The context object (`$$`) as the task sees it. */
  readonly execution: {
    Execution: { Id: string; Name: string; Input: any; StartTime: string; RoleArn: string };
    StateMachine: { Id: string; Name: string };
    State: { Name: string; EnteredTime: string; RetryCount?: number };
    Task?: { Token: string };
  };
  /** Simulated latency: the task takes `ms` longer, in virtual time. Resolves at once. */
  sleep(ms: number): Promise<void>;
  /** An error with an ASL error name: `throw context.error('Payment.InvalidCard', 'Card declined')`. */
  error(name: string, message?: string): Error;
  /**
   * For a callback task (`.waitForTaskToken`, an activity): `return context.waitForCallback()`
   * sends no answer, so the run pauses at the task and you answer it from its panel
   * (send success, failure or a heartbeat).
   */
  waitForCallback(): unknown;
}
