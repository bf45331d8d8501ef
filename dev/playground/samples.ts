import type { FakeHost } from '../fake-figma/figma.ts';
import type { LayerSpec } from '../fake-figma/layers.ts';
import type { Artwork } from '../fake-figma/nodes.ts';

const INTER_BOLD = { family: 'Inter', style: 'Bold' };
const INTER = { family: 'Inter', style: 'Regular' };
/** A font the playground's "machine" lacks, as a designer opening a file from a colleague may: its text is drawn into the image. */
export const MISSING_FONT = { family: 'Brand Sans', style: 'Regular' };

/** The playground's canvas: packaging-like frames, one with real text layers and one with a marked area. */
export const SAMPLES: { name: string; w: number; h: number; art: Artwork; layers?: LayerSpec[] }[] = [
  { name: 'Box front', w: 1152, h: 864, art: { background: '#efe6d2', accent: '#2f4f7f', title: 'Moss & Co.', subtitle: 'Herbal tea · 20 bags' } },
  { name: 'Label', w: 600, h: 800, art: { background: '#f6f1e7', accent: '#8a3b2e', title: 'No. 7', subtitle: 'Small batch hot sauce' } },
  { name: 'Poster 16:9', w: 1600, h: 900, art: { background: '#1f2a38', accent: '#e0a526', title: 'Summer Market', subtitle: 'Saturdays · 9–2' } },
  { name: 'Square tile', w: 800, h: 800, art: { background: '#dfeee6', accent: '#2d6a4f', title: 'Fresh', subtitle: 'Cold-pressed juice' } },
  { name: 'Banner 7:3', w: 1400, h: 600, art: { background: '#fbe9e7', accent: '#c2185b', title: 'Spring sale', subtitle: 'Up to 30% off' } },
  { name: 'Story 9:16', w: 720, h: 1280, art: { background: '#ede7f6', accent: '#5e35b1', title: 'New scent', subtitle: 'Lavender & cedar' } },
  // Real text layers: a price and an ingredients line (for "Keep text layers sharp").
  {
    name: 'Price tag',
    w: 1200,
    h: 900,
    art: { background: '#f3ead8', accent: '#2f6f4f', title: '' },
    layers: [
      { type: 'TEXT', name: 'Product', x: 80, y: 90, characters: 'Hibiscus & ginger', font: INTER_BOLD, fontSize: 64, color: '#1b1b1b' },
      { type: 'TEXT', name: 'Price', x: 80, y: 380, characters: '€4.99', font: INTER_BOLD, fontSize: 140, color: '#111111' },
      {
        type: 'TEXT',
        name: 'Ingredients',
        x: 80,
        y: 592,
        characters: 'Ingredients: water, hibiscus (12%), ginger, lemon juice',
        font: INTER,
        fontSize: 30,
        color: '#ffffff',
      },
      // Turned a quarter, as a line running up the side of a pack.
      { type: 'TEXT', name: 'Side label', x: 1140, y: 560, characters: 'Organic · Fairtrade', font: INTER, fontSize: 26, color: '#111111', rotation: 90 },
      { type: 'TEXT', name: 'Best before', x: 80, y: 700, characters: 'Best before 12/2027 · 330 ml', font: MISSING_FONT, fontSize: 26, color: '#333333' },
    ],
  },
  // A marked area: the ellipse a designer drew over the part to change (for "Edit only this area").
  {
    name: 'Pack shot',
    w: 1200,
    h: 900,
    art: { background: '#e7eef5', accent: '#c0392b', title: 'Pure Oat', subtitle: 'Barista edition · 1 L' },
    layers: [
      { type: 'ELLIPSE', name: 'Retouch area', x: 760, y: 120, width: 340, height: 300, color: '#ff2d55', opacity: 0.35 },
      { type: 'TEXT', name: 'Price', x: 820, y: 700, characters: '€2.49', font: INTER_BOLD, fontSize: 72, color: '#111111' },
    ],
  },
  // What must come back exactly: a barcode and a round logo, to protect (for "Protect").
  {
    name: 'Snack pack',
    w: 1200,
    h: 900,
    art: { background: '#fff4df', accent: '#d35400', title: 'Crunch Oats', subtitle: 'Honey & almond · 375 g' },
    layers: [
      { type: 'RECTANGLE', name: 'Barcode panel', x: 860, y: 660, width: 274, height: 160, color: '#ffffff', opacity: 1 },
      {
        type: 'VECTOR',
        name: 'Barcode',
        x: 880,
        y: 680,
        width: 234,
        height: 120,
        color: '#111111',
        opacity: 1,
        path: 'M 0 0 L 4 0 L 4 120 L 0 120 Z M 8 0 L 10 0 L 10 120 L 8 120 Z M 14 0 L 20 0 L 20 120 L 14 120 Z M 24 0 L 26 0 L 26 120 L 24 120 Z M 30 0 L 34 0 L 34 120 L 30 120 Z M 38 0 L 46 0 L 46 120 L 38 120 Z M 50 0 L 52 0 L 52 120 L 50 120 Z M 56 0 L 60 0 L 60 120 L 56 120 Z M 64 0 L 66 0 L 66 120 L 64 120 Z M 70 0 L 76 0 L 76 120 L 70 120 Z M 80 0 L 84 0 L 84 120 L 80 120 Z M 88 0 L 90 0 L 90 120 L 88 120 Z M 94 0 L 102 0 L 102 120 L 94 120 Z M 106 0 L 108 0 L 108 120 L 106 120 Z M 112 0 L 116 0 L 116 120 L 112 120 Z M 120 0 L 126 0 L 126 120 L 120 120 Z M 130 0 L 132 0 L 132 120 L 130 120 Z M 136 0 L 140 0 L 140 120 L 136 120 Z M 144 0 L 146 0 L 146 120 L 144 120 Z M 150 0 L 154 0 L 154 120 L 150 120 Z M 158 0 L 164 0 L 164 120 L 158 120 Z M 168 0 L 170 0 L 170 120 L 168 120 Z M 174 0 L 182 0 L 182 120 L 174 120 Z M 186 0 L 190 0 L 190 120 L 186 120 Z M 194 0 L 196 0 L 196 120 L 194 120 Z M 200 0 L 204 0 L 204 120 L 200 120 Z M 208 0 L 210 0 L 210 120 L 208 120 Z M 214 0 L 220 0 L 220 120 L 214 120 Z M 224 0 L 228 0 L 228 120 L 224 120 Z M 232 0 L 234 0 L 234 120 L 232 120 Z',
      },
      { type: 'ELLIPSE', name: 'Logo', x: 900, y: 90, width: 220, height: 160, color: '#1f6f8b', opacity: 1 },
    ],
  },
];

/**
 * The file as designers keep it, in a column left of the samples: a section holding two frames,
 * a component with an instance of it, and a shelf banner thinner than Riverflow's references may be.
 */
export function addRealFile(host: FakeHost, left = -3400): void {
  const top = 0;
  const section = host.addFrame('Packaging', { x: left, y: top, width: 2200, height: 1100 }, undefined, 'SECTION');
  section.fills = [{ type: 'SOLID', color: { r: 0.96, g: 0.96, b: 0.96 }, opacity: 1, visible: true } as SolidPaint];
  section.artwork = undefined;
  host.addFrame(
    'Box side',
    { x: 100, y: 100, width: 600, height: 864 },
    { background: '#efe6d2', accent: '#2f4f7f', title: 'Moss', subtitle: 'Side panel' },
    'FRAME',
    section,
  );
  host.addFrame(
    'Lid',
    { x: 800, y: 100, width: 864, height: 864 },
    { background: '#e9efe6', accent: '#2d6a4f', title: 'Moss', subtitle: 'Lid · 20 bags' },
    'FRAME',
    section,
  );
  const badge = host.addFrame(
    'Badge',
    { x: left, y: top + 1400, width: 600, height: 600 },
    { background: '#fff4d6', accent: '#c77d00', title: 'Organic', subtitle: 'Certified' },
    'COMPONENT',
  );
  host.addInstance(badge, 'Badge on shelf', { x: left + 800, y: top + 1400 });
  host.addFrame(
    'Shelf banner',
    { x: left, y: top + 2300, width: 3000, height: 300 },
    { background: '#203a43', accent: '#f4d35e', title: 'Fresh this week', subtitle: 'Teas · Juices · Oat' },
  );
}
