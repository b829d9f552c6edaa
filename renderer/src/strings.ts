/**
 * Every user-facing string of the renderer, in one place so it can be translated. Functions take
 * the values they interpolate; nothing else in the renderer writes prose.
 */
const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

export const strings = {
  appName: 'Notion Kloset Backup',
  demoBadge: 'Demo workspace',
  demoExplanation: 'You are connected to a local Notion emulator with sample pages, not to your real Notion.',
  loading: 'Loading…',

  nav: {
    label: 'Main',
    home: 'Home',
    backup: 'Backup',
    backupRunning: 'Backup (running)',
  },

  welcome: {
    title: 'Welcome',
    lead:
      'This app keeps versioned, encrypted backups of your Notion pages in a Plakar Kloset store on your ' +
      'computer or any storage plakar supports, and restores them back into Notion when you need them.',
    checksTitle: 'Before we start',
    checksLead: 'Setting up takes five short steps. First, the app needs the plakar program, which stores the backups.',
    continueHint: 'plakar is ready. Next you will choose where your backups are stored.',
  },

  wizard: {
    stepsLabel: 'Setup steps',
    stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
    steps: ['plakar', 'Store', 'Notion', 'What to protect', 'First backup'] as const,
    done: 'done',
    current: 'current step',
    continue: 'Continue',
    back: 'Back',
    saving: 'Saving…',
  },

  plakar: {
    title: 'plakar',
    checking: 'Looking for plakar…',
    found: (version: string) => `plakar ${version} is installed.`,
    foundAt: (path: string) => `Found at ${path}`,
    notFoundTitle: 'plakar is not installed',
    notFoundBody:
      'This app uses the plakar program to store your backups. Install plakar 1.1 or newer, then check again.',
    installHint:
      'Get plakar 1.1 or newer for your system from plakar.io or its GitHub releases, or build it with Go: ' +
      'go install github.com/PlakarKorp/plakar@latest',
    customPathHint: 'Installed somewhere unusual? Enter the full path of the plakar program below.',
    installLink: 'Download plakar',
    searchedIn: (count: number) => `Looked in ${count} places, including your PATH.`,
    tooOldTitle: 'plakar is too old',
    tooOld: (version: string, minimum: string) =>
      `plakar ${version} is installed, but this app needs ${minimum} or newer. Update plakar, then check again.`,
    unusableTitle: 'plakar could not be used',
    unusable: (path: string, reason: string) => `${path}: ${reason}`,
    checkAgain: 'Check again',
    pathLabel: 'Path of the plakar program',
    pathPlaceholder: (platform: string) =>
      platform === 'win32' ? 'C:\\Program Files\\plakar\\plakar.exe' : platform === 'darwin' ? '/opt/homebrew/bin/plakar' : '/usr/local/bin/plakar',
    pathHelp: 'The app remembers this path.',
    usePath: 'Use this plakar',
    pathEmpty: 'Enter the full path of the plakar program.',
  },

  secretStorage: {
    title: 'Your secrets cannot be stored safely on this system',
    body: (backend: string) =>
      `This computer has no secure key store (the app found “${backend}”). The store passphrase and the Notion ` +
      'token would be saved in the app’s data folder with a publicly known key: anyone who can read your files ' +
      'could read them.',
    safer:
      'Safer: install and unlock a keyring (GNOME Keyring or KWallet on Linux), then restart the app.',
    accept: 'Store secrets anyway',
    decline: 'I will set up a keyring first',
    declined:
      'Install and unlock a keyring, then quit and restart the app. Your progress in this setup is kept.',
    accepted: 'Secrets are stored without a secure key store, as you chose.',
  },

  store: {
    title: 'Where to keep your backups',
    lead: 'Backups go into a Plakar Kloset store: a folder that keeps every version, deduplicated and encrypted.',
    modeLegend: 'Do you already have a store?',
    create: 'Create a new store',
    createHint: 'Start fresh in an empty or new folder.',
    open: 'Open an existing store',
    openHint: 'Use a store you (or this app) created before.',
    locationLabel: 'Store location',
    locationPlaceholder: (platform: string) =>
      platform === 'win32' ? 'C:\\Users\\you\\Documents\\Notion Backups' : platform === 'darwin' ? '/Users/you/Notion Backups' : '/home/you/Notion Backups',
    locationHelpCreate:
      'A folder on this computer or on an external disk. It must be empty or not exist yet (its parent folder must exist).',
    locationHelpOpen: 'The folder that holds the store.',
    locationHelpAdvanced:
      'Advanced: any plakar location works, for example s3://bucket/path, sftp://host/path or a @alias.',
    locationEmpty: 'Enter where the store should be.',
    encryptionLegend: 'Encryption',
    encrypted: 'Encrypted with a passphrase (recommended)',
    plaintext: 'Not encrypted',
    plaintextWarning:
      'Anyone who can read the store can read your pages. Choose this only if the storage is already protected.',
    passphraseLabel: 'Passphrase',
    passphraseHelp: 'At least 12 characters; a few random words work well. Nobody can recover it if you lose it.',
    confirmLabel: 'Passphrase again',
    mismatch: 'The two passphrases are different.',
    openPassphraseLabel: 'Store passphrase',
    openPassphraseHelp: 'Leave empty if the store is not encrypted.',
    savedLabel: 'I have saved my passphrase somewhere safe (a password manager, or on paper)',
    savedRequired: 'Confirm that you saved the passphrase: without it the backups cannot be read.',
    show: 'Show passphrases',
    strength: {
      label: 'Strength:',
      'too-short': 'too short',
      weak: 'weak',
      fair: 'fair',
      strong: 'strong',
    },
    submitCreate: 'Create the store',
    submitOpen: 'Open the store',
    creating: 'Creating the store…',
    opening: 'Opening the store…',
    ready: (location: string) => `The store at ${location} is ready.`,
    openInstead: 'Open this store instead',
    createInstead: 'Create a new store here instead',
    problemHint: {
      'not-empty': 'Pick a new or empty folder, or open the store that is there.',
      'passphrase-wrong': 'Passphrases are case-sensitive. Check for typing mistakes.',
    } as Record<string, string>,
  },

  notion: {
    title: 'Notion',
    screenTitle: 'Connect Notion',
    lead: 'The app reads your pages through a Notion integration that you create. It only reads; it never changes your pages.',
    howTitle: 'How to get a token',
    howSteps: [
      'In Notion, open Settings → Connections → Develop or manage integrations, and create a new internal integration.',
      'Give it the capabilities “Read content”, “Read comments” and “Read user information”.',
      'Copy its “Internal integration secret” and paste it below.',
      'Share the pages you want to protect with it: on each top page, open ••• → Connections and add the integration. Sub-pages are included.',
    ] as const,
    tokenLabel: 'Integration secret or personal access token',
    tokenHelp: 'The app keeps the token in your system’s key store when there is one, never shows it again, and sends it only to Notion.',
    helpLink: 'How to create an integration',
    show: 'Show',
    hide: 'Hide',
    connect: 'Connect',
    useDemoToken: 'Use the demo workspace token',
    connecting: 'Checking with Notion…',
    connected: (workspace: string) => `Connected to ${workspace}`,
    connectedAs: (bot: string) => `as the integration “${bot}”`,
    connectedPersonal: (user: string) => `Personal access token of ${user}`,
    unknownWorkspace: 'your workspace',
    technicalDetail: 'Technical detail',
    alreadyConnected: (workspace: string) => `Already connected to ${workspace}. Paste another token to change it.`,
  },

  pages: {
    title: 'Choose what to protect',
    lead: 'Back up everything the integration can see, or only some pages and databases. Sub-pages are always included.',
    loading: 'Asking Notion which pages the integration can see…',
    modeLegend: 'What to back up',
    everything: 'Everything the integration can see (recommended)',
    everythingHint: (count: number) =>
      `${plural(count, 'page or database', 'pages and databases')} at the top level today; pages shared later are included automatically.`,
    some: 'Only the pages I choose',
    searchLabel: 'Search by title',
    searchPlaceholder: 'Type part of a title',
    noMatch: (query: string) => `No page title contains “${query}”.`,
    treeLabel: 'Pages and databases',
    expand: (title: string) => `Expand ${title}`,
    collapse: (title: string) => `Collapse ${title}`,
    database: 'database',
    untitled: 'Untitled',
    includedWithParent: 'included with its parent',
    selectedCount: (count: number) => `${plural(count, 'item', 'items')} selected`,
    noneSelected: 'Choose at least one page, or back up everything.',
    emptyTitle: 'The integration cannot see any page yet',
    emptyBody:
      'Notion only shows an integration the pages that were shared with it. In Notion, open each page you ' +
      'want to protect, choose ••• → Connections, and add your integration. Sub-pages are included automatically.',
    checkAgain: 'Check again',
    problemTitle: 'The list of pages could not be read',
    save: 'Save and continue',
  },

  firstBackup: {
    title: 'Your first backup',
    lead: 'Everything is ready. The first backup reads every page once, so it can take a while; later ones only read what changed.',
    summaryTitle: 'Your choices',
    store: 'Store',
    encrypted: 'encrypted',
    notEncrypted: 'not encrypted',
    notion: 'Notion',
    what: 'What',
    everything: 'Everything the integration can see',
    some: (count: number) => plural(count, 'chosen page or database', 'chosen pages and databases'),
    start: 'Start the first backup',
    starting: 'Starting…',
  },

  home: {
    title: 'Your backups',
    lastBackupTitle: 'Last backup',
    loadingSnapshots: 'Reading the store…',
    noBackup: 'No backup yet.',
    lastBackup: (when: string, relative: string) => `${when} (${relative})`,
    mode: { full: 'full backup', incremental: 'incremental backup' } as Record<string, string>,
    snapshotCount: (count: number) => plural(count, 'snapshot', 'snapshots') + ' in the store',
    snapshotsProblem: 'The store could not be read:',
    lastResultTitle: 'Last run in this session',
    setupTitle: 'Setup',
    storeTitle: 'Store',
    notionTitle: 'Notion',
    whatTitle: 'What is protected',
    backUpNow: 'Back up now',
    starting: 'Starting…',
    running: 'A backup is running.',
    viewProgress: 'View progress',
    warningsTitle: 'Needs your attention',
    passphraseNotSaved:
      'You have not confirmed that your store passphrase is saved somewhere safe. Without it, nobody can read the backups.',
    passphraseSavedButton: 'I have saved my passphrase',
    insecureSecrets: (backend: string) =>
      `Your Notion token and store passphrase are stored without a secure key store (${backend}). Install and unlock a keyring, then restart the app.`,
    plaintextStore: 'The store is not encrypted: anyone who can read it can read your pages.',
    notConnected: 'Notion is not connected.',
  },

  progress: {
    title: 'Backing up',
    titleSucceeded: 'Backup finished',
    titleFailed: 'Backup failed',
    titleCancelled: 'Backup cancelled',
    starting: 'Starting the backup…',
    none: 'No backup is running.',
    phase: {
      connecting: 'Connecting to Notion…',
      'checking-store': 'Checking the store…',
      'restoring-previous': 'Reading the previous backup to reuse unchanged pages…',
      crawling: 'Reading your pages from Notion…',
      storing: 'Saving the snapshot into the store…',
      finished: 'Finishing…',
    },
    mode: { full: 'Full backup', incremental: 'Incremental backup: unchanged pages are reused' },
    barLabel: 'Pages backed up',
    pagesOf: (done: number, known: number | null) =>
      known === null ? `${done.toLocaleString()} pages` : `${done.toLocaleString()} of ${known.toLocaleString()} pages`,
    stats: {
      pages: 'Pages',
      databases: 'Databases',
      rows: 'Rows',
      blocks: 'Blocks',
      files: 'Files',
      bytes: 'Downloaded',
      comments: 'Comments',
      reused: 'Reused pages',
      apiCalls: 'Notion API calls',
      rateLimited: 'Rate-limit waits',
      elapsed: 'Elapsed',
      eta: 'Time left',
    },
    rateLimitValue: (count: number, wait: string) => `${count.toLocaleString()} (${wait})`,
    estimating: 'estimating…',
    liveWarningsTitle: 'While backing up',
    rateLimitedWarning: (count: number, wait: string) =>
      `Notion asked the app to slow down ${plural(count, 'time', 'times')} (${wait} of waiting). The backup continues.`,
    retriesWarning: (count: number) => `${plural(count, 'request was', 'requests were')} retried after an error from Notion.`,
    cancel: 'Cancel backup',
    cancelling: 'Cancelling…',
    summaryTitle: 'Summary',
    snapshot: (id: string) => `Snapshot ${id}`,
    warningsTitle: (count: number) => plural(count, 'warning', 'warnings'),
    tryAgain: 'Try again',
    backHome: 'Back to home',
    startRefused: 'The backup did not start:',
  },

  outcome: {
    succeeded: 'Succeeded',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },

  format: {
    bytes: (value: number) => {
      const units = ['B', 'KB', 'MB', 'GB', 'TB'];
      let size = value;
      let unit = 0;
      while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit += 1;
      }
      return `${size.toLocaleString(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
    },
    duration: (ms: number) => {
      const seconds = Math.max(0, Math.round(ms / 1000));
      if (seconds < 60) return `${seconds} s`;
      const minutes = Math.floor(seconds / 60);
      if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
      return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
    },
    ago: (ms: number) => {
      const minutes = Math.round(ms / 60_000);
      if (minutes < 1) return 'just now';
      if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
      const hours = Math.round(minutes / 60);
      if (hours < 48) return `${plural(hours, 'hour', 'hours')} ago`;
      return `${plural(Math.round(hours / 24), 'day', 'days')} ago`;
    },
  },

  errors: {
    bridge: 'The app could not reach its background process. Restart the app; if it persists, see the log.',
  },

  footer: {
    version: (version: string) => `Version ${version}`,
    dataDir: (dir: string) => `Data: ${dir}`,
  },
} as const;
