declare const figma: PluginAPI;
declare const __html__: string;
