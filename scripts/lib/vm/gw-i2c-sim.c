// SPDX-License-Identifier: GPL-2.0
/*
 * gw-i2c-sim: an I2C adapter named "gw-i2c-sim" with simulated devices behind it, for the
 * gateway's hardware tests in the VM (scripts/lib/vm/, built and loaded by prepare).
 *
 * Why not only i2c-stub: it implements smbus_xfer alone, so the kernel offers neither plain
 * I2C (I2C_RDWR) nor SMBus packet error checking on it. This adapter implements master_xfer
 * instead. The kernel then offers I2C_RDWR, and runs every SMBus transaction through
 * i2c_smbus_xfer_emulated(), which appends the PEC byte to writes and checks it on reads by
 * itself. The devices below compute their PEC independently of the kernel, so a test passes
 * only when the two agree.
 *
 * Devices (7-bit addresses), each a file of 256 byte registers with a register pointer:
 *   0x50  plain: a write [reg, data...] stores data from reg on; a read returns the bytes
 *         from the pointer on. Both leave the pointer after the last byte, so a write of
 *         [reg] followed by a read (repeated start) reads from reg. An SMBus block read
 *         (I2C_M_RECV_LEN) takes its count from the byte at the pointer.
 *   0x58  the same, but it speaks SMBus with PEC only: the last byte of a transaction that
 *         ends in a read is the PEC, and a transaction that ends in a write must end with a
 *         correct PEC, or the device refuses that byte and forgets the write.
 *   0x59  like 0x58, but the PEC it sends is wrong, so a reader sees the kernel's -EBADMSG.
 * Any other address is not acknowledged.
 *
 * Faults as Documentation/i2c/fault-codes.rst and i2c-algo-bit report them: -ENXIO for an
 * address nobody acknowledges, -EIO for a data byte the device does not acknowledge (a
 * wrong PEC), -EPROTO for an SMBus block count outside 1..32.
 */
#include <linux/i2c.h>
#include <linux/module.h>

enum sim_pec { SIM_NO_PEC, SIM_PEC, SIM_WRONG_PEC };

struct sim_device {
	u16 addr;
	enum sim_pec pec;
	u8 pointer; /* wraps at 256, as the register file does */
	u8 regs[256];
};

/* Only master_xfer touches these, and the i2c core holds the adapter's bus lock around it. */
static struct sim_device sim_devices[] = {
	{ .addr = 0x50, .pec = SIM_NO_PEC },
	{ .addr = 0x58, .pec = SIM_PEC },
	{ .addr = 0x59, .pec = SIM_WRONG_PEC },
};

/*
 * SMBus PEC: CRC-8 with polynomial x^8 + x^2 + x + 1 (0x07), initial value 0, most
 * significant bit first, over every byte of the transaction including the address bytes.
 * Written out here instead of calling the i2c core's i2c_smbus_pec(), so that the core's
 * PEC is checked against an independent implementation.
 */
static u8 sim_crc8(u8 crc, u8 byte)
{
	int bit;

	crc ^= byte;
	for (bit = 0; bit < 8; bit++)
		crc = crc & 0x80 ? (crc << 1) ^ 0x07 : crc << 1;
	return crc;
}

static struct sim_device *sim_find(u16 addr)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(sim_devices); i++)
		if (sim_devices[i].addr == addr)
			return &sim_devices[i];
	return NULL;
}

/*
 * A write message. When it ends the transaction on a PEC device, its last byte is the PEC
 * of everything before it: checked before any register changes, as a real device discards
 * a command whose PEC is wrong.
 */
static int sim_write(struct sim_device *dev, struct i2c_msg *msg, bool last, u8 *pec)
{
	u16 len = msg->len;
	u16 i;

	for (i = 0; i < len; i++) {
		if (dev->pec != SIM_NO_PEC && last && i == len - 1) {
			if (msg->buf[i] != *pec)
				return -EIO;
			len--;
			break;
		}
		*pec = sim_crc8(*pec, msg->buf[i]);
	}
	if (len == 0)
		return 0;
	dev->pointer = msg->buf[0];
	for (i = 1; i < len; i++)
		dev->regs[dev->pointer++] = msg->buf[i];
	return 0;
}

/*
 * A read message: bytes from the pointer on. When it ends the transaction on a PEC device,
 * its last byte is the PEC instead. A device knows from its command where its answer ends;
 * this one knows from the message length, because master_xfer gets the whole transaction.
 */
static int sim_read(struct sim_device *dev, struct i2c_msg *msg, bool last, u8 *pec)
{
	bool with_pec = dev->pec != SIM_NO_PEC && last && msg->len > 0;
	u16 data_len = msg->len - with_pec;
	u16 i;

	if (msg->flags & I2C_M_RECV_LEN) {
		/* SMBus block read: the first byte is the count, and the bus driver extends
		 * the message by it (the caller's buffer holds I2C_SMBUS_BLOCK_MAX more). */
		u8 count = dev->regs[dev->pointer];

		if (count < 1 || count > I2C_SMBUS_BLOCK_MAX)
			return -EPROTO;
		msg->len += count;
		data_len += count;
	}
	for (i = 0; i < data_len; i++) {
		msg->buf[i] = dev->regs[dev->pointer++];
		*pec = sim_crc8(*pec, msg->buf[i]);
	}
	if (with_pec)
		msg->buf[data_len] = dev->pec == SIM_WRONG_PEC ? *pec ^ 0x01 : *pec;
	return 0;
}

/* The messages of one transaction, joined by repeated starts. */
static int sim_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	u8 pec = 0;
	int i, err;

	for (i = 0; i < num; i++) {
		struct i2c_msg *msg = &msgs[i];
		struct sim_device *dev = sim_find(msg->addr);
		bool last = i == num - 1;

		/* Not every other flag: SMBus emulation passes the client's on (I2C_CLIENT_PEC). */
		if (msg->flags & I2C_M_TEN)
			return -EOPNOTSUPP;
		if (!dev)
			return -ENXIO;
		pec = sim_crc8(pec, i2c_8bit_addr_from_msg(msg));
		if (msg->flags & I2C_M_RD)
			err = sim_read(dev, msg, last, &pec);
		else
			err = sim_write(dev, msg, last, &pec);
		if (err)
			return err;
	}
	return num;
}

/*
 * Plain I2C because of master_xfer. SMBus through the core's emulation, which includes PEC
 * (I2C_FUNC_SMBUS_EMUL has I2C_FUNC_SMBUS_PEC); _ALL adds SMBus block reads, since
 * sim_read() handles I2C_M_RECV_LEN.
 */
static u32 sim_functionality(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL_ALL;
}

static const struct i2c_algorithm sim_algorithm = {
	.master_xfer = sim_xfer,
	.functionality = sim_functionality,
};

static struct i2c_adapter sim_adapter = {
	.owner = THIS_MODULE,
	.algo = &sim_algorithm,
	.name = "gw-i2c-sim",
};

static int __init sim_init(void)
{
	return i2c_add_adapter(&sim_adapter);
}

static void __exit sim_exit(void)
{
	i2c_del_adapter(&sim_adapter);
}

module_init(sim_init);
module_exit(sim_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("I2C adapter with simulated plain and PEC devices, for the gateway's hardware tests");
