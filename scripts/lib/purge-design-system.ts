// A PostCSS plugin for production builds: drops the NL Design System (@utrecht) rules whose
// selectors name a utrecht-* class that appears nowhere under src/. A component package styles
// every variant (danger, busy, pressed, html-button…), and most of those bytes are ones no page
// uses. Write class names in full in markup (never built from pieces), or they are dropped here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AtRule, PluginCreator, Rule } from 'postcss';
import type { Plugin } from 'vite';

const CLASS = /utrecht-[a-z0-9_-]+/g;

/** Every utrecht-* class name written anywhere in the app's source. */
export function usedUtrechtClasses(srcDir: string): Set<string> {
	const used = new Set<string>();
	for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.(svelte|ts|js|html|css)$/.test(entry.name)) continue;
		const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
		for (const [name] of text.matchAll(CLASS)) used.add(name);
	}
	return used;
}

// A class inside :not(...) only narrows a match, so it need not be used for the rule to apply.
const NOT = /:not\((?:[^()]|\([^()]*\))*\)/g;

function selectorCanMatch(selector: string, used: Set<string>): boolean {
	const required = selector.replace(NOT, '').matchAll(/\.(utrecht-[a-z0-9_-]+)/g);
	return [...required].every(([, name]) => used.has(name as string));
}

function fromDesignSystem(node: Rule | AtRule): boolean {
	return node.source?.input.file?.includes(`${path.sep}@utrecht${path.sep}`) ?? false;
}

export const purgeDesignSystem: PluginCreator<{ used: Set<string> }> = (options) => {
	const used = options?.used ?? new Set<string>();
	return {
		postcssPlugin: 'purge-design-system',
		OnceExit(root) {
			root.walkRules((rule) => {
				if (!fromDesignSystem(rule)) return;
				// Keyframe steps (from, 50%) are not selectors.
				const parent = rule.parent;
				if (parent?.type === 'atrule' && (parent as AtRule).name.endsWith('keyframes')) return;
				const kept = rule.selectors.filter((s) => selectorCanMatch(s, used));
				if (kept.length === 0) rule.remove();
				else if (kept.length < rule.selectors.length) rule.selectors = kept;
			});
			root.walkAtRules((atRule) => {
				if (fromDesignSystem(atRule) && atRule.nodes?.length === 0) atRule.remove();
			});
		}
	};
};
purgeDesignSystem.postcss = true;

/**
 * The Vite side: only `vite build` purges. In development every component style stays, so a class
 * added while the dev server runs works at once.
 */
export function purgeDesignSystemOnBuild(srcDir = path.resolve('src')): Plugin {
	return {
		name: 'purge-design-system',
		config: (_config, { command }) =>
			command === 'build'
				? {
						css: { postcss: { plugins: [purgeDesignSystem({ used: usedUtrechtClasses(srcDir) })] } }
					}
				: undefined
	};
}
