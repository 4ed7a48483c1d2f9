package io.imfacade.inmemory.vendors;

import io.imfacade.profile.ProfileField;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;

/** Counts UTF-16 code units, generous totals, small groups, every capability; stores some fields under its own keys. */
public final class VendorA extends FakeVendor {

  public static final VendorLimits LIMITS = VendorLimits.builder("vendor-a")
      .userId(IdRule.ascii(64, "A-Za-z0-9_.-"))
      .groupId(IdRule.ascii(64, "A-Za-z0-9_-"))
      .profileField(ProfileField.NICKNAME, 100, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.BIRTH, 64, LengthUnit.UTF16_UNITS)
      .profileField(ProfileField.SIGN, 256, LengthUnit.UTF16_UNITS)
      .profileTotalBytes(2048)
      .profileKey(ProfileField.AVATAR_URL, "avatarurl")
      .profileKey(ProfileField.EMAIL, "mail")
      .memberAttribute(LengthLimit.of(16, LengthUnit.UTF16_UNITS), LengthLimit.of(512, LengthUnit.UTF16_UNITS))
      .memberTotalBytes(4096)
      .remark(100, LengthUnit.UTF16_UNITS)
      .contactsMax(3000)
      .blockListMax(500)
      .pageSizeMax(50)
      .accountBatch(20)
      .password(LengthLimit.of(64, LengthUnit.UTF16_UNITS))
      .group(LengthLimit.of(20, LengthUnit.UTF16_UNITS), LengthLimit.of(50, LengthUnit.UTF16_UNITS))
      .groupMembers(10, 6)
      .build();

  public static final ProviderMetadata METADATA = ProviderMetadata.builder("vendor-a")
      .name("Vendor A")
      .limits(LIMITS)
      .defaultRequestsPerSecond(100)
      .build();

  public VendorA() {
    super(METADATA);
  }
}
