/**
 * The definition of every number the report shows. The page uses them as hover titles and prints them in its
 * "Definitions" section (hover does not exist on paper or phones). They restate @pesan/analytics
 * sql/metrics/*.sql and the report's own sql/*.sql: change both together.
 */
export const DEFINITIONS = {
  unit: 'Unit: one template message (one wamid), counted on the day of its send time in the report time zone (cohort by send time: reads of last week\'s sends do not inflate this week).',
  attempted: 'Attempted: template messages in the send log, plus messages joined to a template through biz_opaque_callback_data that are absent from the log.',
  sent: 'Sent: messages with a sent, delivered or read status.',
  delivered: 'Delivered: messages with a delivered or read status (read implies delivered).',
  read: 'Read: messages with a read status. A lower bound: people can turn read receipts off.',
  clicked: 'Clicked: delivered messages with at least one quick-reply tap (opt-out buttons excluded). URL-button clicks are not in webhooks; they are shown separately from Meta\'s template_analytics.',
  replied: 'Replied: delivered messages with at least one inbound message in their context (reactions excluded).',
  optedOut: 'Opted out: distinct people whose opt-out (marketing stop, opt-out button, or a STOP-like keyword) is attributed to a message of the group: the last template message delivered to them at most 7 days before.',
  failed: 'Failed: messages with a failed status and no delivered or read status.',
  deliveryRate: 'Delivery rate = delivered / attempted.',
  readRate: 'Read rate ≥ read / delivered. A lower bound, because read receipts can be off.',
  clickRate: 'Click rate = quick-reply clicks / delivered (not / read: taps happen without read receipts).',
  optOutRate: 'Opt-out rate = people who opted out / delivered.',
  failureRate: 'Failure rate = failed / attempted.',
  urlClicks: 'URL clicks: total URL-button clicks from Meta\'s template_analytics (whole UTC days; unique clickers in the title).',
  ttr: 'Time to read: seconds from the send time to the first read status, over read messages. p50 = median, p90 = 90th percentile.',
  change: 'Change against the previous period of the same length, right before this one (percentage points for rates).',
  funnel: 'Attempted ⊇ sent ⊇ delivered ⊇ read. Clicks and replies are subsets of delivered, not of read; opt-outs count people.',
  trend: 'Daily rate of the selected templates; a day without delivered messages is a gap. Marks: lifecycle events from Meta\'s template webhooks.',
  heatmap: 'Read rate (read / delivered) by the weekday and hour the message was sent, in the report time zone. Pale cells have few messages.',
  timeToReadHistogram: 'Read messages by time from send to first read status.',
  failures: 'Failed messages by Meta error code and class. Hold-outs (130472 experiment, 131049 marketing cap) are Meta\'s choice, not an error of the business; 131050 means the person stopped marketing messages.',
  optOutsByKeyword: 'People who opted out, by signal: Meta\'s marketing stop (user_preferences), an opt-out button, or a text that is an opt-out keyword as a whole. Counts only; never message texts or numbers.',
  lint: 'Lint status of the template\'s draft in --templates (joined by template name and language): errors and warnings of `pesan lint`, most severe rules first.',
  ruleOutcomes: 'For each rule: pooled rates (sums of counts, then rates) of the templates whose draft triggers it, versus the other linted templates with messages in the period. Correlation on few templates, not proof: look at the counts.',
  metaActions: 'Templates Meta re-categorised (template_category_update) or rejected (message_template_status_update REJECTED), over the whole database, and whether `pesan lint` reported an error or warning on their draft.',
  smallSample: 'Fewer than 30 messages in the denominator: the rate can move a lot with one message.',
} as const;

export type DefinitionKey = keyof typeof DEFINITIONS;
