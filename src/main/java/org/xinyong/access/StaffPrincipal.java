package org.xinyong.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.xinyong.platform.OrganisationMember;

/** A signed-in member of staff, acting for one organisation with one or more roles. */
public record StaffPrincipal(long userId, String username, String displayName, String passwordHash, boolean enabled,
		Organisation organisation, Set<Role> roles) implements UserDetails, OrganisationMember {

	public StaffPrincipal {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public long organisationId() {
		return organisation.id();
	}

	@Override
	public String organisationCode() {
		return organisation.code();
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Never expose the password hash, e.g. in logs. */
	@Override
	public String toString() {
		return "StaffPrincipal[" + username + " @ " + organisation.code() + " " + roles + "]";
	}
}
