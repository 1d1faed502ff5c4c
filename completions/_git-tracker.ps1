
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'git-tracker' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'git-tracker'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'git-tracker' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the tracker branch in this repository')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'File a new ticket and print its key')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'File a new ticket and print its key')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets (in progress by default, newest first)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tickets (in progress by default, newest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a ticket: its fields, texts, watchers, comments and transitions')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show a ticket: its fields, texts, watchers, comments and transitions')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what needs you now: your work, tickets to assign, what changed')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Manage your saved queries: save, list, delete')
            [CompletionResult]::new('prefs', 'prefs', [CompletionResultType]::ParameterValue, 'Show or change which changes you want mail about')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Send waiting mails, list them, or mail about a range of the branch')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Move a ticket to another state')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket: move it to RESOLVED (a re-run changes nothing)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Comment on a ticket, or edit or delete a comment')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch a ticket: yourself, or the person with EMAIL')
            [CompletionResult]::new('unwatch', 'unwatch', [CompletionResultType]::ParameterValue, 'Stop watching a ticket: yourself, or the person with EMAIL')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a ticket''s title, description, solution or custom fields')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Move a ticket in the priority ranking')
            [CompletionResult]::new('raise', 'raise', [CompletionResultType]::ParameterValue, 'Ask for a ticket''s priority to be raised, or list, accept and refuse such requests')
            [CompletionResult]::new('depend', 'depend', [CompletionResultType]::ParameterValue, 'Make a ticket depend on another one (it is blocked until the other is finished)')
            [CompletionResult]::new('undepend', 'undepend', [CompletionResultType]::ParameterValue, 'Remove a dependency between two tickets')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Add labels to a ticket or take them away')
            [CompletionResult]::new('attachment', 'attachment', [CompletionResultType]::ParameterValue, 'List or fetch the files attached to a ticket')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show a ticket''s history: every event, oldest first, with who did it and when')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Share tickets with a remote: fetch its tracker branch, combine, push')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12')
            [CompletionResult]::new('hooks', 'hooks', [CompletionResultType]::ParameterValue, 'Manage the git hooks that run ''git tracker scan'' after each commit and merge')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage the tracker''s configuration (stored on the branch, changes are commits)')
            [CompletionResult]::new('trackers', 'trackers', [CompletionResultType]::ParameterValue, 'List the trackers of this repository and of its remotes')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Transfer a ticket up to the parent tracker and print its key there')
            [CompletionResult]::new('dispatch', 'dispatch', [CompletionResultType]::ParameterValue, 'Move a ticket down to a sub-tracker with its whole history and print its key there')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the whole tracker branch and its history (exit 3 when problems are found)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Compute reports from the ticket history: states, people, trend, delays, HTML')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the whole tracker as one JSON document')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the tickets of an export document (or of GitHub issues) to the tracker')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Take a guided tour of two clones that file, move and sync tickets')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script for `git-tracker` and `git tracker`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages: git-tracker(1) and one page per subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;init' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Key prefix: tickets are named PREFIX + number [default: TRK-]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The tracker''s name [default: the repository''s directory name]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the tracker is for')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Support mode: presets the enabled states and defaults')
            [CompletionResult]::new('--states', '--states', [CompletionResultType]::ParameterName, 'Enabled states, comma-separated (POSTED is required) [default: the mode''s]')
            [CompletionResult]::new('--developers', '--developers', [CompletionResultType]::ParameterName, 'Developers'' emails, comma-separated')
            [CompletionResult]::new('--resolvers', '--resolvers', [CompletionResultType]::ParameterName, 'Resolvers'' emails, comma-separated')
            [CompletionResult]::new('--managers', '--managers', [CompletionResultType]::ParameterName, 'Managers'' emails, comma-separated')
            [CompletionResult]::new('--default-assignee', '--default-assignee', [CompletionResultType]::ParameterName, 'Assignee(s) of new tickets that name none, comma-separated')
            [CompletionResult]::new('--feedback', '--feedback', [CompletionResultType]::ParameterName, 'Message printed after a ticket is created')
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'The parent tracker tickets are transferred up to: BRANCH (of this repository) or REMOTE:BRANCH (a tracker of another repository, reached as a git remote)')
            [CompletionResult]::new('--subtrackers', '--subtrackers', [CompletionResultType]::ParameterName, 'Sub-trackers tickets can be dispatched down to: branches of this repository, comma-separated')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set any configuration key, as `config set` does (can be repeated)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Strict lifecycle: people may set only the states their roles allow')
            [CompletionResult]::new('--no-comments', '--no-comments', [CompletionResultType]::ParameterName, 'Disallow comments')
            [CompletionResult]::new('--no-notifications', '--no-notifications', [CompletionResultType]::ParameterName, 'Turn notifications off')
            [CompletionResult]::new('--auto-open-on-view', '--auto-open-on-view', [CompletionResultType]::ParameterName, 'A developer or the assignee viewing a POSTED ticket opens it')
            [CompletionResult]::new('--no-accept-transfers', '--no-accept-transfers', [CompletionResultType]::ParameterName, 'Refuse tickets transferred up from other trackers (accepted by default)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Create a tracker even though a remote has one (a separate tracker, which cannot be combined with the remote''s)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;new' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The description')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The description')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the description from FILE (- for standard input)')
            [CompletionResult]::new('--assign', '--assign', [CompletionResultType]::ParameterName, 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Set a custom field (can be repeated); mandatory fields must be given')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Add LABEL (can be repeated); labels are written in lower case, and must be among labels.allowed when the tracker restricts them')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the tracker''s attachments.max_size (default 5 MiB); see `git tracker attachment`')
            [CompletionResult]::new('--if-absent', '--if-absent', [CompletionResultType]::ParameterName, 'File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else print that ticket''s key and change nothing')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only for the roles of priority_roles; see ''git tracker priority --help'')')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: the key alone (table), or a JSON object with key, id, provisional and created (false when --if-absent found a ticket)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--sync', '--sync', [CompletionResultType]::ParameterName, 'Publish the ticket at once (sync with the default remote) and print its final key')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;create' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The description')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The description')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the description from FILE (- for standard input)')
            [CompletionResult]::new('--assign', '--assign', [CompletionResultType]::ParameterName, 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Set a custom field (can be repeated); mandatory fields must be given')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Add LABEL (can be repeated); labels are written in lower case, and must be among labels.allowed when the tracker restricts them')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the tracker''s attachments.max_size (default 5 MiB); see `git tracker attachment`')
            [CompletionResult]::new('--if-absent', '--if-absent', [CompletionResultType]::ParameterName, 'File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else print that ticket''s key and change nothing')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only for the roles of priority_roles; see ''git tracker priority --help'')')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: the key alone (table), or a JSON object with key, id, provisional and created (false when --if-absent found a ticket)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--sync', '--sync', [CompletionResultType]::ParameterName, 'Publish the ticket at once (sync with the default remote) and print its final key')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only tickets in STATE (can be repeated; overrides --closed and the default)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only tickets with LABEL (can be repeated: all of them)')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only tickets assigned to EMAIL ("none": unassigned, "@me": you)')
            [CompletionResult]::new('--reporter', '--reporter', [CompletionResultType]::ParameterName, 'Only tickets reported by EMAIL ("@me": you)')
            [CompletionResult]::new('--watcher', '--watcher', [CompletionResultType]::ParameterName, 'Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be repeated: any of them)')
            [CompletionResult]::new('--created', '--created', [CompletionResultType]::ParameterName, 'Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)')
            [CompletionResult]::new('--updated', '--updated', [CompletionResultType]::ParameterName, 'Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset; can be repeated: all of them)')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE, field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words')
            [CompletionResult]::new('--saved', '--saved', [CompletionResultType]::ParameterName, 'Run your saved query NAME (git tracker query save), with the other options added')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort order: key, created (newest first), updated (latest first), state, assignee, priority (the ranking, 1 first; unranked tickets after, by key), or the name of a listable custom field')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N tickets')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--closed', '--closed', [CompletionResultType]::ParameterName, 'Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show tickets in every state')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only tickets I reported')
            [CompletionResult]::new('--work', '--work', [CompletionResultType]::ParameterName, 'Only tickets assigned to me')
            [CompletionResult]::new('--watching', '--watching', [CompletionResultType]::ParameterName, 'Only tickets I watch')
            [CompletionResult]::new('--contested', '--contested', [CompletionResultType]::ParameterName, 'Only tickets with a contested field (changed concurrently in two clones) or on a dependency cycle (made in two clones)')
            [CompletionResult]::new('--blocked', '--blocked', [CompletionResultType]::ParameterName, 'Only tickets with a dependency still in progress (git tracker depend)')
            [CompletionResult]::new('--blocking', '--blocking', [CompletionResultType]::ParameterName, 'Only tickets in progress that a ticket in progress depends on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;ls' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only tickets in STATE (can be repeated; overrides --closed and the default)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only tickets with LABEL (can be repeated: all of them)')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only tickets assigned to EMAIL ("none": unassigned, "@me": you)')
            [CompletionResult]::new('--reporter', '--reporter', [CompletionResultType]::ParameterName, 'Only tickets reported by EMAIL ("@me": you)')
            [CompletionResult]::new('--watcher', '--watcher', [CompletionResultType]::ParameterName, 'Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be repeated: any of them)')
            [CompletionResult]::new('--created', '--created', [CompletionResultType]::ParameterName, 'Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)')
            [CompletionResult]::new('--updated', '--updated', [CompletionResultType]::ParameterName, 'Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset; can be repeated: all of them)')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE, field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words')
            [CompletionResult]::new('--saved', '--saved', [CompletionResultType]::ParameterName, 'Run your saved query NAME (git tracker query save), with the other options added')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort order: key, created (newest first), updated (latest first), state, assignee, priority (the ranking, 1 first; unranked tickets after, by key), or the name of a listable custom field')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N tickets')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--closed', '--closed', [CompletionResultType]::ParameterName, 'Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show tickets in every state')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only tickets I reported')
            [CompletionResult]::new('--work', '--work', [CompletionResultType]::ParameterName, 'Only tickets assigned to me')
            [CompletionResult]::new('--watching', '--watching', [CompletionResultType]::ParameterName, 'Only tickets I watch')
            [CompletionResult]::new('--contested', '--contested', [CompletionResultType]::ParameterName, 'Only tickets with a contested field (changed concurrently in two clones) or on a dependency cycle (made in two clones)')
            [CompletionResult]::new('--blocked', '--blocked', [CompletionResultType]::ParameterName, 'Only tickets with a dependency still in progress (git tracker depend)')
            [CompletionResult]::new('--blocking', '--blocking', [CompletionResultType]::ParameterName, 'Only tickets in progress that a ticket in progress depends on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;view' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;query' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Save QUERY under NAME (replacing what NAME held); it is checked first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your saved queries')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete your saved query NAME')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;query;save' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;query;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;query;delete' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;query;help' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Save QUERY under NAME (replacing what NAME held); it is checked first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your saved queries')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete your saved query NAME')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;query;help;save' {
            break
        }
        'git-tracker;query;help;list' {
            break
        }
        'git-tracker;query;help;delete' {
            break
        }
        'git-tracker;query;help;help' {
            break
        }
        'git-tracker;prefs' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'Turn mail about these kinds on (comma-separated, or `all`)')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Turn mail about these kinds off (comma-separated, or `all`); a kind named by both --on and --off is refused, unless one of them says `all`: then the kinds named one by one win')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the preferences printed afterwards')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;notify' {
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Queue and send the mails for every event the commits OLD..NEW of the tracker branch brought (for a post-receive hook or a CI job); mails already sent are not sent again')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of --status')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--flush', '--flush', [CompletionResultType]::ParameterName, 'Send every waiting mail now')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'List the waiting mails')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;state' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A note recorded with the change')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A note recorded with the change')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the list of states allowed next (without STATE)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--reopen', '--reopen', [CompletionResultType]::ParameterName, 'Allow leaving a finished state')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;close' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A note recorded with the change')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A note recorded with the change')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;reopen' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A note recorded with the change')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A note recorded with the change')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;comment' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the text from FILE (- for standard input)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach FILE to the comment (can be repeated): stored on the tracker branch, at most the tracker''s attachments.max_size (default 5 MiB); see `git tracker attachment`')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Replace the text of one of your comments')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one of your comments (the history keeps it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;comment;edit' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the text from FILE (- for standard input)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;comment;delete' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;comment;help' {
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Replace the text of one of your comments')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one of your comments (the history keeps it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;comment;help;edit' {
            break
        }
        'git-tracker;comment;help;delete' {
            break
        }
        'git-tracker;comment;help;help' {
            break
        }
        'git-tracker;assign' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--me', '--me', [CompletionResultType]::ParameterName, 'Assign to yourself')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'Remove the assignee')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;watch' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'The kinds of change this watch sends mail about (comma-separated, `all`, or `none`): open, resolving, waiting, testing, published, resolved, abandonned, validated, transfered, comment, assign')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;unwatch' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;edit' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'New title')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the new description from FILE (- for standard input)')
            [CompletionResult]::new('--solution', '--solution', [CompletionResultType]::ParameterName, 'New solution text')
            [CompletionResult]::new('--solution-file', '--solution-file', [CompletionResultType]::ParameterName, 'Read the new solution from FILE (- for standard input)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Set a custom field (can be repeated; an empty value clears it)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;priority' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Move it just before the ranked ticket KEY')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Move it just after the ranked ticket KEY')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Move it to the top: first')
            [CompletionResult]::new('--bottom', '--bottom', [CompletionResultType]::ParameterName, 'Move it to the bottom: after every ranked ticket')
            [CompletionResult]::new('--up', '--up', [CompletionResultType]::ParameterName, 'Move it one place up')
            [CompletionResult]::new('--down', '--down', [CompletionResultType]::ParameterName, 'Move it one place down')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;raise' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Why it should move up')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Why it should move up')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--urgent', '--urgent', [CompletionResultType]::ParameterName, 'An urgent request: accepted, it moves the ticket to the top')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the requests waiting for a decision (on the tickets you may see)')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a request: the ticket moves up (urgent: to the top)')
            [CompletionResult]::new('refuse', 'refuse', [CompletionResultType]::ParameterValue, 'Refuse a request, saying why')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;raise;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;raise;accept' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;raise;refuse' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Why it is refused')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Why it is refused')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;raise;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the requests waiting for a decision (on the tickets you may see)')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a request: the ticket moves up (urgent: to the top)')
            [CompletionResult]::new('refuse', 'refuse', [CompletionResultType]::ParameterValue, 'Refuse a request, saying why')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;raise;help;list' {
            break
        }
        'git-tracker;raise;help;accept' {
            break
        }
        'git-tracker;raise;help;refuse' {
            break
        }
        'git-tracker;raise;help;help' {
            break
        }
        'git-tracker;depend' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The ticket it depends on (its key or id prefix)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;undepend' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The ticket it should no longer depend on (its key or id prefix)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;label' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;attachment' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a ticket''s attachments: name, size, who attached them, when, to what')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write an attachment''s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;attachment;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;attachment;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it (- for standard output); an existing FILE is replaced')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it (- for standard output); an existing FILE is replaced')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;attachment;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a ticket''s attachments: name, size, who attached them, when, to what')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write an attachment''s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;attachment;help;list' {
            break
        }
        'git-tracker;attachment;help;get' {
            break
        }
        'git-tracker;attachment;help;help' {
            break
        }
        'git-tracker;log' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;sync' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after SECONDS: every git command of this sync (ls-remote, fetch, push) must have finished by then [default: git config tracker.syncTimeout, else 120]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json: one document describing what happened)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--accept-deletions', '--accept-deletions', [CompletionResultType]::ParameterName, 'Take a remote branch that deleted or changed published events (an administrator''s deliberate purge) instead of refusing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;scan' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be done and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;hooks' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the scan from the hooks, leaving the rest of each hook as it was')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;hooks;install' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;hooks;uninstall' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;hooks;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the scan from the hooks, leaving the rest of each hook as it was')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;hooks;help;install' {
            break
        }
        'git-tracker;hooks;help;uninstall' {
            break
        }
        'git-tracker;hooks;help;help' {
            break
        }
        'git-tracker;config' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key and its value')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one key''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key (validated first; an invalid value writes nothing)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;config;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;config;get' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;config;set' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;config;edit' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Use FILE as the new tracker.toml instead of opening an editor (- for standard input)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key and its value')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one key''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key (validated first; an invalid value writes nothing)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;config;help;show' {
            break
        }
        'git-tracker;config;help;get' {
            break
        }
        'git-tracker;config;help;set' {
            break
        }
        'git-tracker;config;help;edit' {
            break
        }
        'git-tracker;config;help;help' {
            break
        }
        'git-tracker;trackers' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;transfer' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Why it goes up: the message of its move to TRANSFERED, and a comment on the copy')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Why it goes up: the message of its move to TRANSFERED, and a comment on the copy')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after SECONDS when the parent is in another repository [default: git config tracker.syncTimeout, else 120]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;dispatch' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The sub-tracker (its branch)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Why: the message of its move to TRANSFERED here')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Why: the message of its move to TRANSFERED here')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;verify' {
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Check the history ending at REV (a commit id or any revision) instead of the tracker branch''s tip, e.g. a commit being pushed, from a pre-receive hook')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;report' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the window: a date (YYYY-MM-DD, midnight in --tz) or an RFC 3339 time [default: the start of the first ticket''s period; tickets dated before the tracker branch''s first commit are then left out, with a warning]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the window: a date (that whole day is included) or an RFC 3339 time (excluded) [default: the end of the current second]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Length of the trend''s periods (weeks start on Monday)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone periods and dates are cut in: UTC, a fixed offset such as +02:00, or a zone name such as Europe/Paris (with its daylight saving time)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only tickets in STATE at the end of the window (can be repeated)')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only tickets assigned to EMAIL at the end of the window ("none": unassigned, "@me": you)')
            [CompletionResult]::new('--reporter', '--reporter', [CompletionResultType]::ParameterName, 'Only tickets reported by EMAIL ("@me": you)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Only tickets whose custom field NAME is VALUE at the end of the window ("NAME=": unset) (can be repeated)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (html is a self-contained page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--include-subtrackers', '--include-subtrackers', [CompletionResultType]::ParameterName, 'Count the tickets of the sub-trackers too (tracker.toml''s subtrackers, theirs, and so on: the whole tree below this tracker, each tracker once)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the document to FILE (replaced whole, only once it is complete) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the document to FILE (replaced whole, only once it is complete) instead of standard output')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;import' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'What wrote FILE: git tracker export, or gh issue list --json')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;demo' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where to create the scratch repositories [default: a new directory under the system''s temporary directory]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;completions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;man' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (like git -C)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]')
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Install the pages where man and `git tracker --help` find them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages (warnings and errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happened, e.g. why a change sent no mail')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'git-tracker;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the tracker branch in this repository')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'File a new ticket and print its key')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets (in progress by default, newest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a ticket: its fields, texts, watchers, comments and transitions')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what needs you now: your work, tickets to assign, what changed')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Manage your saved queries: save, list, delete')
            [CompletionResult]::new('prefs', 'prefs', [CompletionResultType]::ParameterValue, 'Show or change which changes you want mail about')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Send waiting mails, list them, or mail about a range of the branch')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Move a ticket to another state')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket: move it to RESOLVED (a re-run changes nothing)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Comment on a ticket, or edit or delete a comment')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch a ticket: yourself, or the person with EMAIL')
            [CompletionResult]::new('unwatch', 'unwatch', [CompletionResultType]::ParameterValue, 'Stop watching a ticket: yourself, or the person with EMAIL')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a ticket''s title, description, solution or custom fields')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Move a ticket in the priority ranking')
            [CompletionResult]::new('raise', 'raise', [CompletionResultType]::ParameterValue, 'Ask for a ticket''s priority to be raised, or list, accept and refuse such requests')
            [CompletionResult]::new('depend', 'depend', [CompletionResultType]::ParameterValue, 'Make a ticket depend on another one (it is blocked until the other is finished)')
            [CompletionResult]::new('undepend', 'undepend', [CompletionResultType]::ParameterValue, 'Remove a dependency between two tickets')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Add labels to a ticket or take them away')
            [CompletionResult]::new('attachment', 'attachment', [CompletionResultType]::ParameterValue, 'List or fetch the files attached to a ticket')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show a ticket''s history: every event, oldest first, with who did it and when')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Share tickets with a remote: fetch its tracker branch, combine, push')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12')
            [CompletionResult]::new('hooks', 'hooks', [CompletionResultType]::ParameterValue, 'Manage the git hooks that run ''git tracker scan'' after each commit and merge')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage the tracker''s configuration (stored on the branch, changes are commits)')
            [CompletionResult]::new('trackers', 'trackers', [CompletionResultType]::ParameterValue, 'List the trackers of this repository and of its remotes')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Transfer a ticket up to the parent tracker and print its key there')
            [CompletionResult]::new('dispatch', 'dispatch', [CompletionResultType]::ParameterValue, 'Move a ticket down to a sub-tracker with its whole history and print its key there')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the whole tracker branch and its history (exit 3 when problems are found)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Compute reports from the ticket history: states, people, trend, delays, HTML')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the whole tracker as one JSON document')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the tickets of an export document (or of GitHub issues) to the tracker')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Take a guided tour of two clones that file, move and sync tickets')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script for `git-tracker` and `git tracker`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages: git-tracker(1) and one page per subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-tracker;help;init' {
            break
        }
        'git-tracker;help;new' {
            break
        }
        'git-tracker;help;list' {
            break
        }
        'git-tracker;help;show' {
            break
        }
        'git-tracker;help;status' {
            break
        }
        'git-tracker;help;query' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Save QUERY under NAME (replacing what NAME held); it is checked first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your saved queries')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete your saved query NAME')
            break
        }
        'git-tracker;help;query;save' {
            break
        }
        'git-tracker;help;query;list' {
            break
        }
        'git-tracker;help;query;delete' {
            break
        }
        'git-tracker;help;prefs' {
            break
        }
        'git-tracker;help;notify' {
            break
        }
        'git-tracker;help;state' {
            break
        }
        'git-tracker;help;close' {
            break
        }
        'git-tracker;help;reopen' {
            break
        }
        'git-tracker;help;comment' {
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Replace the text of one of your comments')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one of your comments (the history keeps it)')
            break
        }
        'git-tracker;help;comment;edit' {
            break
        }
        'git-tracker;help;comment;delete' {
            break
        }
        'git-tracker;help;assign' {
            break
        }
        'git-tracker;help;watch' {
            break
        }
        'git-tracker;help;unwatch' {
            break
        }
        'git-tracker;help;edit' {
            break
        }
        'git-tracker;help;priority' {
            break
        }
        'git-tracker;help;raise' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the requests waiting for a decision (on the tickets you may see)')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a request: the ticket moves up (urgent: to the top)')
            [CompletionResult]::new('refuse', 'refuse', [CompletionResultType]::ParameterValue, 'Refuse a request, saying why')
            break
        }
        'git-tracker;help;raise;list' {
            break
        }
        'git-tracker;help;raise;accept' {
            break
        }
        'git-tracker;help;raise;refuse' {
            break
        }
        'git-tracker;help;depend' {
            break
        }
        'git-tracker;help;undepend' {
            break
        }
        'git-tracker;help;label' {
            break
        }
        'git-tracker;help;attachment' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a ticket''s attachments: name, size, who attached them, when, to what')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write an attachment''s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first')
            break
        }
        'git-tracker;help;attachment;list' {
            break
        }
        'git-tracker;help;attachment;get' {
            break
        }
        'git-tracker;help;log' {
            break
        }
        'git-tracker;help;sync' {
            break
        }
        'git-tracker;help;scan' {
            break
        }
        'git-tracker;help;hooks' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the scan from the hooks, leaving the rest of each hook as it was')
            break
        }
        'git-tracker;help;hooks;install' {
            break
        }
        'git-tracker;help;hooks;uninstall' {
            break
        }
        'git-tracker;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key and its value')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one key''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key (validated first; an invalid value writes nothing)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read')
            break
        }
        'git-tracker;help;config;show' {
            break
        }
        'git-tracker;help;config;get' {
            break
        }
        'git-tracker;help;config;set' {
            break
        }
        'git-tracker;help;config;edit' {
            break
        }
        'git-tracker;help;trackers' {
            break
        }
        'git-tracker;help;transfer' {
            break
        }
        'git-tracker;help;dispatch' {
            break
        }
        'git-tracker;help;verify' {
            break
        }
        'git-tracker;help;report' {
            break
        }
        'git-tracker;help;export' {
            break
        }
        'git-tracker;help;import' {
            break
        }
        'git-tracker;help;demo' {
            break
        }
        'git-tracker;help;completions' {
            break
        }
        'git-tracker;help;man' {
            break
        }
        'git-tracker;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
