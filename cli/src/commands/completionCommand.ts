import { defineCommand } from './CommandDeclaration';
import { UsageError } from './UsageError';

export const completionCommand = defineCommand({
  name: 'completion',
  arguments: 'bash|zsh|fish',
  summary: "Print the shell's completion script for cswb's commands and options (docs/cli.md: how to install it)",
  options: {},
  details: () => `The script completes command names, each command's options (and an option's listed values),
and files elsewhere. Install it once:
  bash  cswb completion bash > ~/.local/share/bash-completion/completions/cswb
        (or add  source <(cswb completion bash)  to ~/.bashrc)
  zsh   cswb completion zsh > "\${fpath[1]}/_cswb"   (or  source <(cswb completion zsh)  after compinit)
  fish  cswb completion fish > ~/.config/fish/completions/cswb.fish

Exit codes: 0 printed; 2 usage error (no shell, or one not listed).
`,
  run: ({ positionals, commands }) => {
    if (positionals.length !== 1) throw new UsageError('expected one shell: bash, zsh or fish');
    return (require('./completion') as typeof import('./completion')).completion(positionals[0], commands);
  },
});
