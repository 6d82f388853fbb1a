import type { FunnelStep, Totals } from '../model.js';

/**
 * The funnel attempted → sent → delivered → read, then clicked (quick replies) and replied, then opt-outs.
 * attempted ⊇ sent ⊇ delivered ⊇ read; clicks and replies are subsets of delivered, not of read (they happen with
 * read receipts off); opt-outs count people, attributed to a delivered message.
 */
export function funnel(totals: Totals): FunnelStep[] {
  return [
    { step: 'attempted', count: totals.attempted },
    { step: 'sent', count: totals.sent },
    { step: 'delivered', count: totals.delivered },
    { step: 'read', count: totals.read },
    { step: 'clicked', count: totals.clicked },
    { step: 'replied', count: totals.replied },
    { step: 'optedOut', count: totals.optedOut },
  ];
}
