// Words for control statuses and the records behind them, shared by the control-status rules.

import type { ClauseStatus, Dataset, Destination, MineralStatus, StatusValue } from '../dataset/types';
import type { Claim, ClaimControlType } from '../types';
import { describeSources, mineralList, place, measureName } from './describe';
import { setsStatus, statusFor } from '../verdicts/index';

export function statusWords(status: StatusValue | ClaimControlType, destination: Destination | undefined): string {
  const to = destination && destination !== 'all' ? ` to ${place(destination)}` : '';
  switch (status) {
    case 'ban':
      return `a ban on exports${to}`;
    case 'licensing':
      return `export licensing${to ? ` for exports${to}` : ''}`;
    case 'suspension':
      return `a suspended control${to}`;
    case 'lifted':
      return `a lifted control${to}`;
    case 'proposed':
      return `a proposed control${to}`;
    case 'none':
      return `no export control${to}`;
    default:
      return `an unknown status${to}`;
  }
}

export function claimedWords(claim: Claim, dataset: Dataset): string {
  const c = claim.control!;
  return `${statusWords(c.type, c.destination)} for ${mineralList(dataset, claim.minerals)}`;
}

/** The clause that best explains a mineral's status for a destination. */
export function explainingClause(status: MineralStatus, destination: Destination): ClauseStatus | undefined {
  const actual = statusFor(status, destination);
  const deciding = status.clauses.filter(setsStatus);
  return (
    deciding.find((c) => c.state === 'in-force' && c.clause.type === actual && (c.clause.destination === destination || c.clause.destination === 'all')) ??
    deciding.find((c) => c.clause.destination === destination) ??
    deciding[0]
  );
}

export function clauseRecord(dataset: Dataset, clause: ClauseStatus | undefined): { record: string; source: string } {
  if (!clause) return { record: 'no measure in the dataset', source: 'the bundled dataset' };
  const state = clause.state === 'in-force' ? 'in force' : clause.state.replace(/-/g, ' ');
  return { record: `${measureName(clause.measure)} (${state})`, source: clauseSource(dataset, clause) };
}

/** The sources of a clause's latest event, else of its measure. */
export function clauseSource(dataset: Dataset, clause: ClauseStatus): string {
  return describeSources(dataset, clause.event?.sources.length ? clause.event.sources : clause.measure.sources);
}
