/**
 * The commands Figma runs the plugin with: the manifest's menu (`open`, `quick`) and its
 * relaunch button (`edit`, set on every result). The release check holds manifest.json to these.
 */
export const MENU_COMMANDS = { open: 'open', quick: 'quick' } as const;
export const RELAUNCH_COMMANDS = { edit: 'edit' } as const;
/** The quick edit's parameters, in the manifest's order (optional ones last, as Figma requires). */
export const QUICK_EDIT_PARAMETERS = ['prompt', 'size'] as const;
