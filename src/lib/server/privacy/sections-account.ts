// The account section of "Mijn gegevens": sign-in, profile and contact, roles and invitations.
import { roleLabel } from '../../roles';
import type { MyData, RegisterEntry } from './my-data';
import { field, moment, section, type Section } from './section-kit';

/** Sign-in, profile and contact details, roles, role invitations and a block. */
export function accountSection(
	register: RegisterEntry[],
	{ platform, mantelzorg }: MyData['data']
): Section {
	return section(register, 'platform.account', {
		id: 'account',
		title: 'Je account',
		correct: { href: '/profiel', label: 'Naam, wijk of contactgegevens veranderen' },
		empty: 'We hebben geen account van je.',
		items: [
			{
				title: 'Inloggen',
				fields: [
					field('E-mailadres', platform.account?.email),
					field('Account gemaakt op', moment(platform.account?.createdAt)),
					field('Laatst ingelogd', moment(platform.account?.lastSignInAt))
				]
			},
			{
				title: 'Profiel en contactgegevens',
				fields: [
					field('Naam', platform.profile?.displayName),
					field('Gemeente', platform.profile?.municipality),
					field('Wijk', platform.profile?.district),
					field('Telefoonnummer', platform.contact?.phone),
					field(
						'Adres',
						[platform.contact?.streetAddress, platform.contact?.postcode, platform.contact?.city]
							.filter(Boolean)
							.join(', ')
					)
				],
				correct: { href: '/profiel', label: 'Verbeter je profiel' }
			},
			...platform.roles
				.filter((r) => r.role !== 'shop_staff')
				.map((r) => ({
					title: `Rol: ${roleLabel(r.role)}`,
					fields: [
						field('Voor', r.communityCentre ?? platform.profile?.municipality),
						field('Sinds', moment(r.since))
					]
				})),
			...platform.roleInvitations.map((i) => ({
				title: `Uitnodiging voor de rol ${roleLabel(i.role)}`,
				fields: [
					field('Gestuurd op', moment(i.createdAt)),
					field(
						'Status',
						i.acceptedAt
							? 'aangenomen'
							: i.withdrawnAt
								? 'ingetrokken'
								: `open tot ${moment(i.expiresAt)}`
					)
				]
			})),
			...mantelzorg.shopInvitations.map((i) => ({
				title: `Uitnodiging om mee te werken bij ${i.shop}`,
				fields: [
					field('Gestuurd op', moment(i.createdAt)),
					field(
						'Status',
						i.acceptedAt ? 'aangenomen' : i.withdrawnAt ? 'ingetrokken' : 'nog open of verlopen'
					)
				]
			})),
			...mantelzorg.shopMemberships.map((s) => ({
				title: `Rol: ${roleLabel('shop_staff')}`,
				fields: [field('Voor', s.shop), field('Sinds', moment(s.since))]
			})),
			...(platform.block
				? [
						{
							title: 'Je account is geblokkeerd',
							fields: [
								field('Sinds', moment(platform.block.since)),
								field('Reden', platform.block.reason)
							]
						}
					]
				: [])
		]
	});
}
