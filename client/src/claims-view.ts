// The Claims view in the explorer: every claim in the active brief with its verdict, checked
// claims first and mentions folded into one node; clicking a claim reveals it in the editor.

import * as vscode from 'vscode';
import { claimLabel, groupClaims, summary, verdictLook } from './claim-labels';
import { Commands } from './ids';
import type { ClaimItem, ClaimsResult } from '../../server/src/shared/protocol';

type Node = { kind: 'claim'; claim: ClaimItem; uri: string } | { kind: 'mentions'; claims: ClaimItem[]; uri: string } | { kind: 'message'; text: string };

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
    if (node?.kind === 'mentions') return node.claims.map((claim) => ({ kind: 'claim', claim, uri: node.uri }));
    if (node) return [];
    if (!this.result) return [{ kind: 'message', text: this.message }];
    if (this.result.error) return [{ kind: 'message', text: `Checking failed: ${this.result.error}` }];
    const { checked, mentions } = groupClaims(this.result);
    const uri = this.result.uri;
    const nodes: Node[] = checked.map((claim) => ({ kind: 'claim', claim, uri }));
    if (mentions.length > 0) nodes.push({ kind: 'mentions', claims: mentions, uri });
    if (nodes.length === 0) nodes.push({ kind: 'message', text: 'No claims found in this brief.' });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'mentions') {
      const item = new vscode.TreeItem(`Mentions (${node.claims.length})`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('symbol-constant');
      return item;
    }
    const look = verdictLook(node.claim.verdict);
    const item = new vscode.TreeItem(claimLabel(node.claim));
    item.description = look.label;
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${node.claim.kind} · ${look.label}`);
    if (node.claim.explanation) tooltip.appendText(`\n\n${node.claim.explanation}`);
    if (node.claim.problems.length > 0) tooltip.appendText(`\n\nProblems: ${node.claim.problems.join(', ')}`);
    item.tooltip = tooltip;
    item.contextValue = `claim.${node.claim.verdict}`;
    item.command = { command: Commands.revealClaim, title: 'Reveal claim', arguments: [node.uri, node.claim.range] };
    return item;
  }
}
