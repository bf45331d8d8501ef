import { FakeSceneNode } from './nodes.ts';

export const fontKey = (font: FontName) => `${font.family} ${font.style}`;

/**
 * A text layer: one font and size for the whole string (the fake has no mixed styles).
 * Changing what it shows needs its font loaded first, as in Figma; a font this machine
 * lacks shows in `hasMissingFont` and cannot be loaded.
 */
export class FakeTextNode extends FakeSceneNode {
  private text = '';
  private font: FontName = { family: 'Inter', style: 'Regular' };
  private size = 16;
  textAutoResize: TextNode['textAutoResize'] = 'WIDTH_AND_HEIGHT';

  /** Sets up a new layer from the host's side, as a designer types it (no font rules). */
  typeset(characters: string, fontName: FontName, fontSize: number): this {
    [this.text, this.font, this.size] = [characters, fontName, fontSize];
    return this;
  }

  private needsFont(property: string): void {
    if (!this.doc.fonts.loaded.has(fontKey(this.font))) {
      throw new Error(
        `in set_${property}: Cannot write to node with unloaded font "${fontKey(this.font)}". Please call figma.loadFontAsync({ family: "${this.font.family}", style: "${this.font.style}" }) and await the returned promise first.`,
      );
    }
  }

  get characters(): string {
    return this.text;
  }
  set characters(value: string) {
    this.needsFont('characters');
    this.text = value;
    this.writes++;
  }
  get fontName(): FontName {
    return { ...this.font };
  }
  set fontName(value: FontName) {
    if (!this.doc.fonts.loaded.has(fontKey(value)))
      throw new Error(`in set_fontName: Cannot use unloaded font "${fontKey(value)}". Please call figma.loadFontAsync first.`);
    this.font = { ...value };
    this.writes++;
  }
  get fontSize(): number {
    return this.size;
  }
  set fontSize(value: number) {
    this.needsFont('fontSize');
    this.size = value;
    this.writes++;
  }
  get hasMissingFont(): boolean {
    return this.doc.fonts.missing.has(fontKey(this.font));
  }

  getRangeAllFontNames(start: number, end: number): FontName[] {
    if (start === end) throw new Error('in getRangeAllFontNames: Expected "start" to be less than "end"');
    return [this.fontName];
  }

  protected override copyFrom(source: FakeSceneNode): void {
    super.copyFrom(source);
    if (source instanceof FakeTextNode) [this.text, this.font, this.size, this.textAutoResize] = [source.text, source.font, source.size, source.textAutoResize];
  }
}
