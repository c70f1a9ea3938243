// The Claims view in the explorer: every claim in the active brief with its verdict, checked
// claims first (an uncertain reading marked, its other readings as children), then the sentences
// that were not read and the mentions, each folded into one node; clicking a claim reveals it.

import * as vscode from 'vscode';
import { claimDescription, claimLabel, claimTooltip, groupClaims, isUncertain, summary, verdictLook } from './claim-labels';
import { Commands } from './ids';
import type { ClaimItem, ClaimsResult } from '../../server/src/shared/protocol';

type Node =
  | { kind: 'claim'; claim: ClaimItem; uri: string }
  | { kind: 'alternative'; text: string; claim: ClaimItem; uri: string }
  | { kind: 'group'; group: 'mentions' | 'unread'; claims: ClaimItem[]; uri: string }
  | { kind: 'message'; text: string };

const groupLooks = {
  mentions: { label: 'Mentions', icon: 'symbol-constant', tooltip: 'Minerals named without a claim to check.' },
  unread: { label: 'Not read', icon: 'eye-closed', tooltip: 'Sentences that name a mineral beside a number or a control word but yield no claim: quoted, negated, speculative, or words the reader could not bind. They are not checked.' },
};

export class ClaimsView implements vscode.TreeDataProvider<Node> {
  private result: ClaimsResult | undefined;
  private message = 'Open a Markdown brief to see its claims.';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  show(result: ClaimsResult | undefined, message?: string): void {
    this.result = result;
    if (message) this.message = message;
    this.changed.fire(undefined);
  }

  get current(): ClaimsResult | undefined {
    return this.result;
  }

  /** One line for the view's description: counts by verdict. */
  description(): string | undefined {
    return this.result ? `as of ${this.result.asOf} · ${summary(this.result)}` : undefined;
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'group') return node.claims.map((claim) => ({ kind: 'claim', claim, uri: node.uri }));
    if (node?.kind === 'claim' && isUncertain(node.claim)) return (node.claim.alternatives ?? []).map((text) => ({ kind: 'alternative', text, claim: node.claim, uri: node.uri }));
    if (node) return [];
    if (!this.result) return [{ kind: 'message', text: this.message }];
    if (this.result.error) return [{ kind: 'message', text: `Checking failed: ${this.result.error}` }];
    const { checked, mentions, unread } = groupClaims(this.result);
    const uri = this.result.uri;
    const nodes: Node[] = checked.map((claim) => ({ kind: 'claim', claim, uri }));
    if (unread.length > 0) nodes.push({ kind: 'group', group: 'unread', claims: unread, uri });
    if (mentions.length > 0) nodes.push({ kind: 'group', group: 'mentions', claims: mentions, uri });
    if (nodes.length === 0) nodes.push({ kind: 'message', text: 'No claims found in this brief.' });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'group') {
      const look = groupLooks[node.group];
      const item = new vscode.TreeItem(`${look.label} (${node.claims.length})`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon(look.icon);
      item.tooltip = look.tooltip;
      item.contextValue = `group.${node.group}`;
      return item;
    }
    const reveal = { command: Commands.revealClaim, title: 'Reveal claim', arguments: [node.uri, node.claim.range] };
    if (node.kind === 'alternative') {
      const item = new vscode.TreeItem(node.text);
      item.description = 'other reading';
      item.iconPath = new vscode.ThemeIcon('git-compare');
      item.command = reveal;
      return item;
    }
    const claim = node.claim;
    const item = new vscode.TreeItem(claimLabel(claim));
    item.tooltip = new vscode.MarkdownString().appendText(claimTooltip(claim));
    item.command = reveal;
    if (claim.kind === 'unread') {
      item.description = claim.why ?? 'not read';
      item.iconPath = new vscode.ThemeIcon('eye-closed', new vscode.ThemeColor('disabledForeground'));
      item.contextValue = 'claim.unread';
      return item;
    }
    const look = verdictLook(claim.verdict);
    item.description = claimDescription(claim);
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.contextValue = `claim.${claim.verdict}`;
    if (isUncertain(claim) && claim.alternatives?.length) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    return item;
  }
}
