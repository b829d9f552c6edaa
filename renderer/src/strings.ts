/**
 * Every user-facing string of the renderer, in one place so it can be translated. Functions take
 * the values they interpolate; nothing else in the renderer writes prose.
 */
export const strings = {
  appName: 'Notion Kloset Backup',
  demoBadge: 'Demo workspace',
  demoExplanation: 'You are connected to a local Notion emulator with sample pages, not to your real Notion.',

  welcome: {
    title: 'Welcome',
    lead:
      'This app keeps versioned, encrypted backups of your Notion pages in a Plakar Kloset store on your ' +
      'computer or any storage plakar supports, and restores them back into Notion when you need them.',
    checksTitle: 'Before we start',
    checksLead: 'Two things are needed: the plakar program, and access to your Notion workspace.',
    continueHint: 'Both checks passed. Next you will choose where your backups are stored.',
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
    customPathHint: 'Installed somewhere unusual? Start the app with PLAKAR_BIN set to the full path of plakar.',
    installLink: 'Download plakar',
    searchedIn: (count: number) => `Looked in ${count} places, including your PATH.`,
    tooOldTitle: 'plakar is too old',
    tooOld: (version: string, minimum: string) =>
      `plakar ${version} is installed, but this app needs ${minimum} or newer. Update plakar, then check again.`,
    unusableTitle: 'plakar could not be used',
    unusable: (path: string, reason: string) => `${path}: ${reason}`,
    checkAgain: 'Check again',
  },

  notion: {
    title: 'Notion',
    tokenLabel: 'Integration secret or personal access token',
    tokenHelp:
      'In Notion, open Settings → Connections → Develop or manage integrations, create an internal ' +
      'integration with "Read content", "Read comments" and "Read user information", and copy its secret. ' +
      'Then share the pages you want to protect with the integration (••• → Connections).',
    helpLink: 'How to create an integration',
    show: 'Show',
    hide: 'Hide',
    connect: 'Connect',
    connecting: 'Checking with Notion…',
    connected: (workspace: string) => `Connected to ${workspace}`,
    connectedAs: (bot: string) => `as the integration “${bot}”`,
    connectedPersonal: (user: string) => `Personal access token of ${user}`,
    unknownWorkspace: 'your workspace',
    technicalDetail: 'Technical detail',
  },

  errors: {
    bridge: 'The app could not reach its background process. Restart the app; if it persists, see the log.',
  },

  footer: {
    version: (version: string) => `Version ${version}`,
    dataDir: (dir: string) => `Data: ${dir}`,
  },
} as const;
